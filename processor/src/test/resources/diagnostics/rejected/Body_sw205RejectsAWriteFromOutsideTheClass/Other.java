package test;
class Other {
  void poke(State state) {
    state.count = 5; // [SW205] field count of @Reactive class State is written from outside its class
  }
}