/** The Statewire annotations: {@code @Reactive}, {@code @Derived}, {@code @Effect}, {@code @Background}. */
module dev.statewire.annotations {
  exports dev.statewire.annotation;
}
