package fixtures;

class CounterUser {
  Counter make() {
    ReactiveCounter counter = new ReactiveCounter();
    counter.increment();
    return counter;
  }
}
