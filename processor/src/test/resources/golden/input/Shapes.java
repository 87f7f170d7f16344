package test;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;

public class Shapes {
  @Reactive
  public abstract static class Shape {
    protected String name = "shape";

    public String name() {
      return name;
    }

    public void rename(String name) {
      this.name = name;
    }

    @Derived
    public abstract double area();
  }

  @Reactive
  public static class Square extends Shape {
    double side;

    public Square(double side) {
      this.side = side;
    }

    @Override
    @Derived
    public double area() {
      return side * side;
    }

    @Effect
    void log() {
      System.out.println(name() + " " + area());
    }

    @Override
    public void rename(String name) {
      super.rename(name.toUpperCase());
    }
  }
}
