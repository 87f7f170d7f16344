package test;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

@Reactive
public class Labels {
  String text = "";
  final BiPredicate<String, String> notStatic = String::equalsIgnoreCase;
  private static final BiPredicate<String, String> hidden = String::equalsIgnoreCase;
  static final BiPredicate<Integer, Integer> wrongType = Integer::equals;

  static int notBoolean(String a, String b) {
    return 0;
  }

  static boolean oneValue(String a) {
    return true;
  }

  boolean instanceMethod(String a, String b) {
    return a.equals(b);
  }

  @Derived(equality = "missing") // [SW307] names no static field or method missing of Labels
  String a() {
    return text;
  }

  @Derived(equality = "notStatic") // [SW307] names field notStatic, which is not static
  String b() {
    return text;
  }

  @Derived(equality = "hidden") // [SW307] names field hidden, which is private
  String c() {
    return text;
  }

  @Derived(equality = "wrongType") // [SW307] which is not a BiPredicate of String
  String d() {
    return text;
  }

  @Derived(equality = "notBoolean") // [SW307] names method notBoolean(String, String), which returns int, not boolean
  String e() {
    return text;
  }

  @Derived(equality = "oneValue") // [SW307] names method oneValue(String), which does not take two values of String
  String f() {
    return text;
  }

  @Derived(equality = "instanceMethod") // [SW307] names method instanceMethod(String, String), which is not static
  String g() {
    return text;
  }

  @Derived(equality = "notBoolean") // [SW307] is on an async derived value
  CompletionStage<String> h() {
    return CompletableFuture.completedFuture(text);
  }
}
