package dev.statewire.benchmarks;
final class Placeholder {}
