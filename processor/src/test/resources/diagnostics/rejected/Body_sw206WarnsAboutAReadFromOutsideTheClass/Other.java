package test;
class Other {
  int peek(State state) {
    return state.count; // [SW206] field count of @Reactive class State is read from outside its class
  }
  @SuppressWarnings("SW206")
  int peekQuietly(State state) {
    return state.count;
  }
}