package noharm;

/** Records with compact and explicit canonical constructors, beside a @Reactive class. */
public record Records(int x, int y) {
  public Records {
    if (x < 0) {
      throw new IllegalArgumentException("x < 0");
    }
  }

  record Pair(String a, String b) {
    Pair(String a, String b) {
      this.a = a;
      this.b = b;
    }
  }

  record Named<T>(String name, T value) {
    Named {
      name = name.trim();
    }

    static <T> Named<T> of(T value) {
      return new Named<>("", value);
    }
  }
}
