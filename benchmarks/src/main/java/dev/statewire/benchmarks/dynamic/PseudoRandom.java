package dev.statewire.benchmarks.dynamic;

/**
 * The seeded generator of the dynamic suite (TOPOLOGIES.md, "dynamic graphs"): sfc32 seeded by four
 * successive outputs of the xmur3a hash of a string, with JavaScript's 32-bit
 * {@code Math.imul} and {@code >>>} semantics, so that Java and JavaScript build the same graph.
 */
final class PseudoRandom {
  private int a;
  private int b;
  private int c;
  private int d;

  /** A generator seeded from {@code seed}, as upstream's {@code pseudoRandom(seed)}. */
  PseudoRandom(String seed) {
    Xmur3a hash = new Xmur3a(seed);
    a = hash.next();
    b = hash.next();
    c = hash.next();
    d = hash.next();
  }

  /** The next double, uniform in [0, 1). */
  double next() {
    int t = a + b;
    a = b ^ (b >>> 9);
    b = c + (c << 3);
    c = (c << 21) | (c >>> 11);
    d = d + 1;
    t = t + d;
    c = c + t;
    return (t & 0xFFFFFFFFL) / 4294967296.0;
  }

  /** The xmur3a string hash: a generator of 32-bit seeds. */
  private static final class Xmur3a {
    private int h;

    Xmur3a(String text) {
      int hash = 0x811C9DC5;
      for (int i = 0; i < text.length(); i++) {
        int k = text.charAt(i) * 0xCC9E2D51;
        k = (k << 15) | (k >>> 17);
        hash ^= k * 0x1B873593;
        hash = (hash << 13) | (hash >>> 19);
        hash = hash * 5 + 0xE6546B64;
      }
      h = hash ^ text.length();
    }

    int next() {
      h ^= h >>> 16;
      h *= 0x85EBCA6B;
      h ^= h >>> 13;
      h *= 0xC2B2AE35;
      h ^= h >>> 16;
      return h;
    }
  }
}
