/**
 * The Statewire annotations: {@code @Reactive}, {@code @Derived}, {@code @Effect},
 * {@code @Background}, {@code @Codec}.
 */
module dev.statewire.annotations {
  exports dev.statewire.annotation;
}
