package dev.statewire.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.statewire.processor.model.CodecPlan;
import dev.statewire.processor.model.FieldCodecs;
import dev.statewire.processor.model.Persistence;
import dev.statewire.processor.model.ReactiveField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * What a store needs of the generated class: {@code stateFields()} (of {@code ReactiveObject}), one
 * {@code StateField} per reactive field that is not transient, with the codec {@link FieldCodecs}
 * planned for it; and the codecs that are worth building once, as {@code private static final}
 * constants: one per enum and record type ({@code POINT_CODEC}) and per class named by
 * {@code @Codec}. Lists, sets, maps and the runtime's constants are written where they are used
 * ({@code StateCodecs.list(POINT_CODEC)}).
 */
final class StateFieldsMembers {
  private static final String VALUE = "value";

  private final GenerationTarget target;
  private final FieldCodecs codecs;

  /** Names of the user's members and of the constants so far: a constant takes none of them. */
  private final Set<String> taken;

  /** The constant of each enum, record and {@code @Codec} class, by its type's text. */
  private final Map<String, String> constantNames = new HashMap<>();

  private final List<FieldSpec> constants = new ArrayList<>();

  /** The codec expression of each persisted field that has a codec. */
  private final Map<ReactiveField, CodeBlock> fieldCodecs = new HashMap<>();

  /** The persisted fields without a codec. */
  private final Set<ReactiveField> missing = new HashSet<>();

  StateFieldsMembers(GenerationTarget target) {
    this.target = target;
    this.codecs = new FieldCodecs(target.elements(), target.types());
    this.taken = new HashSet<>(MemberNames.memberNamesOf(target.hierarchy()));
    for (ReactiveField field : persisted()) {
      CodecPlan plan = codecs.planFor(target.model(), field);
      if (plan instanceof CodecPlan.None) {
        missing.add(field);
      } else {
        fieldCodecs.put(field, codec(plan));
      }
    }
  }

  /** The codec constants, each declared before the constants that use it. */
  List<FieldSpec> constants() {
    return List.copyOf(constants);
  }

  MethodSpec stateFieldsMethod() {
    List<CodeBlock> fields = new ArrayList<>();
    for (ReactiveField field : persisted()) {
      CodeBlock writer =
          CodeBlock.of(
              "$N -> $N.runAction(() -> $L = $N)",
              VALUE,
              target.names().core(),
              target.thisField(field),
              VALUE);
      CodeBlock codec = fieldCodecs.get(field);
      String signal = target.names().signal(field.element());
      fields.add(
          codec == null
              ? CodeBlock.of(
                  "$T.withoutCodec($S,$W$S,$W$N,\n$>$>$L$<$<)",
                  RuntimeNames.STATE_FIELD,
                  storedName(field),
                  field.type().toString(),
                  signal,
                  writer)
              : CodeBlock.of(
                  "$T.of($S,$W$S,$W$L,$W$N,\n$>$>$L$<$<)",
                  RuntimeNames.STATE_FIELD,
                  storedName(field),
                  field.type().toString(),
                  codec,
                  signal,
                  writer));
    }
    CodeBlock body =
        fields.isEmpty()
            ? CodeBlock.of("return $T.of();\n", List.class)
            : CodeBlock.of(
                "return $T.of(\n$>$>$L$<$<);\n", List.class, CodeBlock.join(fields, ",\n"));
    return MethodSpec.methodBuilder("stateFields")
        .addJavadoc("$L", JavadocText.wrap(javadoc()))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(
            ParameterizedTypeName.get(
                ClassName.get(List.class),
                ParameterizedTypeName.get(
                    RuntimeNames.STATE_FIELD, WildcardTypeName.subtypeOf(Object.class))))
        .addCode(body)
        .build();
  }

  private String javadoc() {
    List<ReactiveField> persisted = persisted();
    StringBuilder text = new StringBuilder("The fields a store persists, in declaration order");
    text.append(
        persisted.isEmpty()
            ? ": none."
            : ": "
                + persisted.stream()
                    .map(f -> "{@code " + storedName(f) + "}")
                    .collect(Collectors.joining(", "))
                + ".");
    text.append(
        " Writing one through {@code StateField.write} is an action: inside a lock block it"
            + " is committed with the block.");
    List<ReactiveField> transients =
        target.model().fields().stream().filter(f -> !Persistence.isPersisted(f)).toList();
    if (!transients.isEmpty()) {
      text.append(transients.size() == 1 ? " Field " : " Fields ")
          .append(
              transients.stream()
                  .map(f -> "{@code " + f.name() + "}")
                  .collect(Collectors.joining(", ")))
          .append(transients.size() == 1 ? " is" : " are")
          .append(" transient: reactive, but not persisted.");
    }
    for (ReactiveField field : persisted) {
      if (missing.contains(field)) {
        text.append(" Field {@code ")
            .append(storedName(field))
            .append("} has no codec: a store must be given one for {@code ")
            .append(field.type())
            .append("}.");
      }
    }
    return text.toString();
  }

  /**
   * The field's name for a store: {@code count}, or {@code Base.count} when another field of the
   * hierarchy has the same name (a field hidden by a subclass's), so that names are unique.
   */
  private String storedName(ReactiveField field) {
    return target.hierarchy().isNameShared(field.element()) ? target.nodeName(field) : field.name();
  }

  private List<ReactiveField> persisted() {
    return target.model().fields().stream().filter(Persistence::isPersisted).toList();
  }

  /** The expression of the codec {@code plan} describes. */
  private CodeBlock codec(CodecPlan plan) {
    if (plan instanceof CodecPlan.Constant constant) {
      return CodeBlock.of("$T.$N", RuntimeNames.STATE_CODECS, constant.name());
    }
    if (plan instanceof CodecPlan.ListOf list) {
      return CodeBlock.of("$T.list($L)", RuntimeNames.STATE_CODECS, codec(list.elements()));
    }
    if (plan instanceof CodecPlan.SetOf set) {
      return CodeBlock.of("$T.set($L)", RuntimeNames.STATE_CODECS, codec(set.elements()));
    }
    if (plan instanceof CodecPlan.MapOf map) {
      return CodeBlock.of(
          "$T.map($L,$W$L)", RuntimeNames.STATE_CODECS, codec(map.keys()), codec(map.values()));
    }
    if (plan instanceof CodecPlan.OfEnum enumeration) {
      return constant(
          enumeration.type(),
          () ->
              CodeBlock.of(
                  "$T.enumeration($W$T.class)",
                  RuntimeNames.STATE_CODECS,
                  erased(enumeration.type())),
          "Encodes {@code " + simpleName(enumeration.type()) + "} as the name of its constant.");
    }
    if (plan instanceof CodecPlan.OfRecord record) {
      return constant(
          record.type(),
          () -> recordCodec(record),
          "Encodes {@code "
              + simpleName(record.type())
              + "} as a JSON object of its components"
              + (record.components().isEmpty()
                  ? " (it has none)."
                  : " "
                      + record.components().stream()
                          .map(c -> "{@code " + c.name() + "}")
                          .collect(Collectors.joining(", "))
                      + "."));
    }
    CodecPlan.Declared declared = (CodecPlan.Declared) plan;
    return constant(
        declared.valueType(),
        declared.codecClass(),
        () -> CodeBlock.of("new $T()", TypeName.get(declared.codecClass())),
        "The codec {@code @Codec} names for {@code " + declared.valueType() + "}.");
  }

  /**
   * {@code StateCodecs.record("test.Point", (value, out) -> out.put("x", StateCodecs.INT,
   * value.x()), in -> new Point(in.get("x", StateCodecs.INT)))}.
   */
  private CodeBlock recordCodec(CodecPlan.OfRecord record) {
    List<CodeBlock> puts = new ArrayList<>();
    List<CodeBlock> gets = new ArrayList<>();
    for (CodecPlan.Component component : record.components()) {
      CodeBlock codec = codec(component.codec());
      puts.add(
          CodeBlock.of(".put($S, $L, $N.$N())", component.name(), codec, VALUE, component.name()));
      gets.add(CodeBlock.of("in.get($S, $L)", component.name(), codec));
    }
    CodeBlock write =
        puts.isEmpty()
            ? CodeBlock.of("($N, out) -> {}", VALUE)
            : CodeBlock.of("($N, out) -> out\n$>$>$L$<$<", VALUE, CodeBlock.join(puts, "\n"));
    CodeBlock read =
        gets.isEmpty()
            ? CodeBlock.of("in -> new $T()", TypeName.get(record.type()))
            : CodeBlock.of(
                "in -> new $T(\n$>$>$L)$<$<",
                TypeName.get(record.type()),
                CodeBlock.join(gets, ",\n"));
    return CodeBlock.of(
        "$T.record(\n$>$>$S,\n$L,\n$L)$<$<",
        RuntimeNames.STATE_CODECS,
        record.type().toString(),
        write,
        read);
  }

  private CodeBlock constant(DeclaredType type, Supplier<CodeBlock> initializer, String javadoc) {
    return constant(type, type, initializer, javadoc);
  }

  /**
   * A reference to the constant for {@code key}'s codec of {@code type}, declared (with {@code
   * initializer}, built now, so the constants it uses come first) the first time.
   */
  private CodeBlock constant(
      TypeMirror type, TypeMirror key, Supplier<CodeBlock> initializer, String javadoc) {
    String known = constantNames.get(key.toString());
    if (known != null) {
      return CodeBlock.of("$N", known);
    }
    CodeBlock value = initializer.get();
    String name = allocate(constantName(simpleName((DeclaredType) key)));
    constantNames.put(key.toString(), name);
    constants.add(
        FieldSpec.builder(
                ParameterizedTypeName.get(RuntimeNames.STATE_CODEC, GenerationTarget.boxed(type)),
                name,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("$L", JavadocText.wrap(javadoc))
            .initializer(value)
            .build());
    return CodeBlock.of("$N", name);
  }

  private String allocate(String preferred) {
    String name = preferred;
    for (int n = 2; !taken.add(name); n++) {
      name = preferred + "_" + n;
    }
    return name;
  }

  /** {@code POINT_CODEC} for {@code Point}, {@code HTTP_STATUS_CODEC} for {@code HTTPStatus}. */
  static String constantName(String simpleName) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < simpleName.length(); i++) {
      char c = simpleName.charAt(i);
      boolean wordStart =
          i > 0
              && Character.isUpperCase(c)
              && (!Character.isUpperCase(simpleName.charAt(i - 1))
                  || (i + 1 < simpleName.length()
                      && Character.isLowerCase(simpleName.charAt(i + 1))));
      if (wordStart && name.charAt(name.length() - 1) != '_') {
        name.append('_');
      }
      name.append(Character.toUpperCase(c));
    }
    return name.toString().endsWith("_CODEC") ? name.toString() : name + "_CODEC";
  }

  private static String simpleName(DeclaredType type) {
    return type.asElement().getSimpleName().toString();
  }

  private TypeName erased(DeclaredType type) {
    return TypeName.get(target.types().erasure(type));
  }
}
