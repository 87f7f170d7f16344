/** A user's JPMS module holding a @Reactive class. */
module com.example.counter {
  requires dev.statewire.runtime;
  requires static dev.statewire.annotations;
  requires static java.compiler; // for @javax.annotation.processing.Generated on generated classes
  exports com.example.counter;
}
