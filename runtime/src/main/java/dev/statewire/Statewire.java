package dev.statewire;

public final class Statewire {
  private Statewire() {}
}
