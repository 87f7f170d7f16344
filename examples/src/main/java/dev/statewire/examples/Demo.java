package dev.statewire.examples;

public final class Demo {
  public static void main(String[] args) {
    System.out.println("placeholder");
  }
}
