package dev.statewire.codec;

import dev.statewire.ReadableSignal;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One persistable field of a generated state class: its name, the codec for its values (if it
 * has one), its committed value, and how to write it. A store reads {@link #committed()} to
 * persist the field and calls {@link #write} inside a lock session of the object's context to
 * apply a value read back; the write is committed with the session, like any action's.
 *
 * @param <T> the field's (boxed) type
 */
public final class StateField<T> {
  private final String name;
  private final String typeName;
  private final StateCodec<T> codec;
  private final ReadableSignal<T> committed;
  private final Consumer<? super T> writer;

  private StateField(
      String name,
      String typeName,
      StateCodec<T> codec,
      ReadableSignal<T> committed,
      Consumer<? super T> writer) {
    this.name = Objects.requireNonNull(name, "name");
    this.typeName = Objects.requireNonNull(typeName, "typeName");
    this.codec = codec;
    this.committed = Objects.requireNonNull(committed, "committed");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /**
   * {@return a field with a codec}
   *
   * @param name the field's name in its class
   * @param typeName the field's declared type, as written in source with qualified names
   * @param codec encodes and decodes the field's values
   * @param committed the signal holding the field's committed value
   * @param writer assigns the field as an action (see {@link #write})
   * @param <T> the field's (boxed) type
   */
  public static <T> StateField<T> of(
      String name,
      String typeName,
      StateCodec<T> codec,
      ReadableSignal<T> committed,
      Consumer<? super T> writer) {
    return new StateField<>(name, typeName, Objects.requireNonNull(codec, "codec"), committed, writer);
  }

  /**
   * {@return a field whose type has no generated or declared codec}; a store supplies one by type
   * or refuses to bind the object, naming the field
   *
   * @param name the field's name in its class
   * @param typeName the field's declared type, as written in source with qualified names
   * @param committed the signal holding the field's committed value
   * @param writer assigns the field as an action (see {@link #write})
   * @param <T> the field's (boxed) type
   */
  public static <T> StateField<T> withoutCodec(
      String name, String typeName, ReadableSignal<T> committed, Consumer<? super T> writer) {
    return new StateField<>(name, typeName, null, committed, writer);
  }

  /** {@return the field's name in its class} */
  public String name() {
    return name;
  }

  /** {@return the field's declared type, as written in source with qualified names} */
  public String typeName() {
    return typeName;
  }

  /** {@return whether the processor found or generated a codec for this field} */
  public boolean hasCodec() {
    return codec != null;
  }

  /**
   * {@return the codec of the field's values}
   *
   * @throws MissingCodecException if the field has none (see {@link #hasCodec()})
   */
  public StateCodec<T> codec() {
    if (codec == null) {
      throw new MissingCodecException(name, typeName);
    }
    return codec;
  }

  /** {@return the signal holding the field's committed value} */
  public ReadableSignal<T> committed() {
    return committed;
  }

  /**
   * Assigns the field, as an action of the object: inside a lock session of its context (a
   * store's lock block) it joins the session and is committed, or rolled back, with it; outside
   * one it takes the lock and commits at once. Effects and derived values see the value as
   * they see any action's writes.
   *
   * @param value the new value; not null for a field of primitive type
   * @throws NullPointerException if {@code value} is null and the field is primitive
   */
  public void write(T value) {
    writer.accept(value);
  }
}
