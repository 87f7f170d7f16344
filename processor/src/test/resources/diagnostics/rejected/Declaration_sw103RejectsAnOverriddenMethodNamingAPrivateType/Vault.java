package test;
@dev.statewire.annotation.Reactive
public class Vault {
  private static final class Secret {
    final int code;

    Secret(int code) {
      this.code = code;
    }
  }

  int code;

  Secret reveal() { // [SW103] method reveal() of Vault names type Secret, which is
    return new Secret(code);
  }

  private Secret sealed() {
    return new Secret(code);
  }

  int sealedCode() {
    return sealed().code;
  }
}
