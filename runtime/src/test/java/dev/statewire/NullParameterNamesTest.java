package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.statewire.support.AsyncDerived;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public constructor and method of the API ({@code dev.statewire} and {@code
 * dev.statewire.support}, found by scanning the compiled classes) rejects a null argument with a
 * {@link NullPointerException} whose message is the parameter's name, e.g. {@code "equality"}:
 * one case per method and reference parameter, null in that place, sample values elsewhere.
 *
 * <p>Not swept: parameters that may be null by design ({@link #MAY_BE_NULL}), exceptions'
 * constructors, enums' {@code valueOf}, and methods that implement a JDK interface ({@code
 * List.add}, {@code Flow.Subscriber.onNext}...), whose null handling is that interface's.
 */
class NullParameterNamesTest {
  /** {@code Type.member(parameter)}: stored values, optional names and explicit "none" values. */
  private static final Set<String> MAY_BE_NULL = Set.of(
      "Signal.of(initial)",
      "Signal.set(newValue)",
      "ReactiveContext.signal(initial)",
      "LinkedSignal.set(newValue)",
      "LinkedSignal.Previous.<init>(source)",
      "LinkedSignal.Previous.<init>(value)",
      "Resource.set(newValue)",
      "SubscribedSignal.of(initial)",
      "SubscribedSignal.into(initial)",
      "ErrorHandler.handle(source)",
      "ReactiveContext.commitWrite(value)",
      "StateCore.publish(value)",
      "SpyEvent.SignalWritten.<init>(oldValue)",
      "SpyEvent.SignalWritten.<init>(newValue)",
      "SpyEvent.ComputedRecomputed.<init>(value)",
      "SpyEvent.Committed.Change.<init>(oldValue)",
      "SpyEvent.Committed.Change.<init>(newValue)",
      "SpyEvent.TaskEnded.<init>(failure)");

  /** A fresh instance of each API class whose instance methods take arguments. */
  private static final Map<Class<?>, Supplier<Object>> RECEIVERS = Map.ofEntries(
      Map.entry(Signal.class, () -> context().signal(0)),
      Map.entry(IntSignal.class, () -> context().intSignal(0)),
      Map.entry(LongSignal.class, () -> context().longSignal(0)),
      Map.entry(DoubleSignal.class, () -> context().doubleSignal(0)),
      Map.entry(BooleanSignal.class, () -> context().booleanSignal(false)),
      Map.entry(Computed.class, () -> context().computed(() -> 0)),
      Map.entry(IntComputed.class, () -> context().intComputed(() -> 0)),
      Map.entry(LongComputed.class, () -> context().longComputed(() -> 0)),
      Map.entry(DoubleComputed.class, () -> context().doubleComputed(() -> 0)),
      Map.entry(BooleanComputed.class, () -> context().booleanComputed(() -> false)),
      Map.entry(Effect.class, () -> context().effect(() -> { })),
      Map.entry(EffectScope.class, () -> EffectScope.create(context())),
      Map.entry(LinkedSignal.class, () -> LinkedSignal.of(() -> 0)),
      Map.entry(ReactiveContext.class, NullParameterNamesTest::context),
      Map.entry(ReactiveContext.Builder.class, ReactiveContext::builder),
      Map.entry(Resource.class, () -> Resource.of(context(), () -> null, p -> null)),
      Map.entry(ReactiveList.class, () -> new ReactiveList<>(context())),
      Map.entry(ReactiveMap.class, () -> new ReactiveMap<>(context())),
      Map.entry(ReactiveSet.class, () -> new ReactiveSet<>(context())),
      Map.entry(BackgroundTasks.class, () -> new BackgroundTasks(context(), "Owner")),
      Map.entry(Task.class, () -> new BackgroundTasks(context(), "Owner")
          .start("t", TaskPolicy.PARALLEL, () -> { })),
      Map.entry(Cancellation.class, () -> new Cancellation(context())),
      Map.entry(SignalPublisher.class, () -> SignalPublisher.of(context().signal(0), r -> { })),
      Map.entry(SubscribedSignal.class,
          () -> SubscribedSignal.of(
              (java.util.concurrent.Flow.Publisher<?>) sample(java.util.concurrent.Flow.Publisher.class), 0)),
      Map.entry(ActionScope.class, () -> ActionScope.outermost(context())),
      Map.entry(StateCore.class, () -> new StateCore(context(), "Owner", CommitSafety.MAY_FAIL,
          () -> { }, () -> { }, () -> { }, () -> new Object[0], saved -> { })),
      Map.entry(AsyncDerived.class, () -> new AsyncDerived<>(context(), "Owner.value()",
          List::of, () -> null)));

  static Stream<Arguments> nullArguments() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    for (Class<?> type : apiClasses()) {
      if (Throwable.class.isAssignableFrom(type) || type.isEnum()) {
        continue;
      }
      List<Executable> members = new ArrayList<>(Arrays.asList(type.getConstructors()));
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
            && (Modifier.isStatic(m.getModifiers()) || !type.isInterface())
            && !implementsJdkMethod(type, m)) {
          members.add(m);
        }
      }
      for (Executable member : members) {
        Parameter[] params = member.getParameters();
        for (int i = 0; i < params.length; i++) {
          String label = label(type, member, params[i]);
          if (!params[i].getType().isPrimitive() && !MAY_BE_NULL.contains(label)) {
            cases.add(Arguments.of(label, member, i));
          }
        }
      }
    }
    return cases.stream();
  }

  /** The sweep reaches the factories the issue named (a scan that found nothing would pass). */
  @Test
  void theSweepCoversTheFactories() throws Exception {
    Set<String> labels =
        nullArguments().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    for (String expected : List.of("Signal.of(equality)", "ReactiveContext.signal(equality)",
        "Computed.of(equality)", "Computed.of(fn)", "LinkedSignal.of(computation)",
        "Effect.of(body)", "Resource.of(loader)", "Statewire.lock(state)",
        "BackgroundTasks.start(policy)")) {
      assertTrue(labels.contains(expected), expected + " is not swept: " + labels);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullArguments")
  void aNullArgumentIsRejectedByName(String label, Executable member, int index)
      throws Exception {
    Parameter[] params = member.getParameters();
    assertTrue(params[index].isNamePresent(), "compile the runtime with -parameters");
    Object[] args = new Object[params.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = i == index ? null : sample(params[i].getType());
    }
    NullPointerException thrown = assertThrows(NullPointerException.class,
        () -> invoke(member, args), label + " accepted null");
    assertEquals(params[index].getName(), thrown.getMessage(), label);
  }

  private static void invoke(Executable member, Object[] args) throws Throwable {
    try {
      if (member instanceof Constructor) {
        ((Constructor<?>) member).newInstance(args);
        return;
      }
      Method m = (Method) member;
      Object receiver = null;
      if (!Modifier.isStatic(m.getModifiers())) {
        Supplier<Object> make = RECEIVERS.get(m.getDeclaringClass());
        if (make == null) {
          fail("no sample receiver for " + m.getDeclaringClass().getName() + ": add one");
        }
        receiver = make.get();
      }
      m.invoke(receiver, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A non-null value of {@code type}: plain samples, or an interface answering defaults. */
  private static Object sample(Class<?> type) {
    if (type == int.class) {
      return 1;
    } else if (type == long.class) {
      return 1L;
    } else if (type == double.class) {
      return 1.0;
    } else if (type == boolean.class) {
      return false;
    } else if (type == String.class || type == Object.class) {
      return "x";
    } else if (type == Duration.class) {
      return Duration.ofMillis(1);
    } else if (type == Class.class) {
      return Object.class;
    } else if (type == ReactiveContext.class) {
      return context();
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    } else if (type == Collection.class || type == List.class) {
      return List.of();
    } else if (type == Signal.class || type == SourceSignal.class
        || type == ReadableSignal.class) {
      return context().signal(0);
    } else if (type == Computed.class) {
      return context().computed(() -> 0);
    } else if (type == Effect.class) {
      return context().effect(() -> { });
    } else if (type == Task.class) {
      return new BackgroundTasks(context(), "Owner").start("t", TaskPolicy.PARALLEL, () -> { });
    } else if (type == Resource.class) {
      return Resource.of(context(), () -> null, p -> null);
    } else if (type == Thread.class) {
      return Thread.currentThread();
    } else if (type == Executor.class) {
      return (Executor) r -> { };
    } else if (type == Cancellation.class) {
      return new Cancellation(context());
    } else if (type == ResourceSnapshot.class) {
      return Resource.of(context(), () -> null, p -> null).snapshot();
    } else if (type == Throwable.class) {
      return new IllegalStateException("sample");
    } else if (type.isInterface()) {
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
          (proxy, method, args) -> defaultValue(method.getReturnType()));
    }
    throw new AssertionError("no sample value of " + type.getName() + ": add one");
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    } else if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    }
    return null;
  }

  private static ReactiveContext context() {
    return ReactiveContext.builder().executor(r -> { }).build();
  }

  /** {@code Type.member(parameter)}, nested types with their outer type. */
  private static String label(Class<?> type, Executable member, Parameter p) {
    String owner = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    String name = member instanceof Constructor ? "<init>" : member.getName();
    return owner + "." + name + "(" + p.getName() + ")";
  }

  /** Whether {@code m} implements or overrides a method of a JDK supertype. */
  private static boolean implementsJdkMethod(Class<?> type, Method m) {
    List<Class<?>> supertypes = new ArrayList<>(Arrays.asList(type.getInterfaces()));
    supertypes.add(Object.class);
    for (int i = 0; i < supertypes.size(); i++) {
      Class<?> s = supertypes.get(i);
      supertypes.addAll(Arrays.asList(s.getInterfaces()));
      if (s.getName().startsWith("java.")) {
        try {
          s.getMethod(m.getName(), m.getParameterTypes());
          return true;
        } catch (NoSuchMethodException notThere) {
          // look further up
        }
      }
    }
    return false;
  }

  /** The public types of the API packages, read from the runtime's compiled classes. */
  private static List<Class<?>> apiClasses() throws IOException, URISyntaxException {
    Path root = Path.of(Signal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : List.of("dev/statewire", "dev/statewire/support")) {
      List<Path> files;
      try (Stream<Path> list = Files.list(root.resolve(pkg))) {
        files = list.filter(f -> f.toString().endsWith(".class")).sorted()
            .collect(Collectors.toList());
      }
      for (Path f : files) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = load(name);
        if (isPublicApi(type)) {
          types.add(type);
        }
      }
    }
    assertTrue(types.size() > 30, "found only " + types);
    return types;
  }

  private static boolean isPublicApi(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, Signal.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
