/**
 * Codecs and field descriptions for persisting generated state classes: {@link
 * dev.statewire.codec.StateCodec}, {@link dev.statewire.codec.StateField}. The runtime itself
 * persists nothing; stores such as {@code statewire-redis} use these.
 */
package dev.statewire.codec;
