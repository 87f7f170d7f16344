package dev.statewire.benchmarks.baseline;

import dev.statewire.benchmarks.cellx.CellxStart;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * A runtime-shaped program without dependency tracking: one {@link Cell} per node with an
 * {@link IntSupplier} formula and an {@link IntConsumer} effect, in a fixed topological array.
 * Every update re-evaluates all cells through megamorphic interface calls and runs the effect
 * of each cell whose value changed.
 */
public final class CellsBaseline implements CellxBaseline {
  private final int layerCount;
  private final Cell[] starts = new Cell[4];
  private final Cell[] cells;
  private CellxStart current = CellxStart.FORWARD;
  private long sink;

  /** One node: its value, how to compute it and what to do when it changes. */
  private static final class Cell {
    int value;
    IntSupplier formula;
    IntConsumer effect;
  }

  /** Builds the cells on the start values (1, 2, 3, 4) and runs every effect once. */
  public CellsBaseline(int layerCount) {
    this.layerCount = layerCount;
    this.cells = new Cell[4 * layerCount];
    for (int k = 0; k < 4; k++) {
      starts[k] = new Cell();
    }
    setStart(CellxStart.FORWARD);
    Cell m1 = starts[0];
    Cell m2 = starts[1];
    Cell m3 = starts[2];
    Cell m4 = starts[3];
    IntConsumer effect = this::consume;
    for (int i = 0; i < layerCount; i++) {
      Cell a1 = m1;
      Cell a2 = m2;
      Cell a3 = m3;
      Cell a4 = m4;
      m1 = cell(4 * i, () -> a2.value, effect);
      m2 = cell(4 * i + 1, () -> a1.value - a3.value, effect);
      m3 = cell(4 * i + 2, () -> a2.value + a4.value, effect);
      m4 = cell(4 * i + 3, () -> a3.value, effect);
    }
  }

  private Cell cell(int index, IntSupplier formula, IntConsumer effect) {
    Cell cell = new Cell();
    cell.formula = formula;
    cell.effect = effect;
    cell.value = formula.getAsInt();
    effect.accept(cell.value);
    cells[index] = cell;
    return cell;
  }

  private void consume(int value) {
    sink += value;
  }

  private void setStart(CellxStart start) {
    starts[0].value = start.p1();
    starts[1].value = start.p2();
    starts[2].value = start.p3();
    starts[3].value = start.p4();
  }

  @Override
  public void update() {
    int end = 4 * (layerCount - 1);
    current.checkEnds(layerCount, cells[end].value, cells[end + 1].value, cells[end + 2].value,
        cells[end + 3].value);
    CellxStart next = current.other();
    setStart(next);
    for (Cell cell : cells) {
      int value = cell.formula.getAsInt();
      if (value != cell.value) {
        cell.value = value;
        cell.effect.accept(value);
      }
    }
    current = next;
    current.checkEnds(layerCount, cells[end].value, cells[end + 1].value, cells[end + 2].value,
        cells[end + 3].value);
  }

  @Override
  public long sink() {
    return sink;
  }
}
