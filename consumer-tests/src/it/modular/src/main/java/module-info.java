/**
 * A user's application module holding a @Reactive class. It does not read java.compiler, so the
 * generated class goes without @javax.annotation.processing.Generated (it keeps
 * @StatewireGenerated). It exports nothing; a module that exports the package of a @Reactive
 * class should write {@code requires transitive dev.statewire.runtime}, since the generated
 * class's constructors take a ReactiveContext (javac's -Xlint:exports says so).
 */
module com.example.counter {
  requires dev.statewire.runtime;
  requires static dev.statewire.annotations;
}
