package dev.statewire.processor.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Decides, before anything is attributed, when the bodies of the {@code @Reactive} classes of a
 * round may be read. javac's attribution changes the tree it reads: it writes the type it infers
 * for a {@code var} (or an implicit lambda parameter) into the declaration. Attributed while a
 * type it names does not exist yet, the declaration keeps an erroneous type into later rounds
 * and code generation, and javac fails. So a class is read only when the code attributed with it
 * (the compilation units of its outermost class, its nested classes and its supertypes) names
 * none of the classes still to be generated, found syntactically by {@link NameMentions}; a
 * class that needs another class's generated type waits for a round where it exists.
 *
 * <p>Classes that need each other's generated types (a cycle) cannot wait for each other. Each
 * of them is read anyway when its code declares no variable with an inferred type (a missing
 * type written out survives attribution unharmed), otherwise it is not read at all.
 */
public final class AttributionOrder {
  /** What happens to a class in this round. */
  public enum Decision {
    /** Its bodies may be read now. */
    READ,
    /** It waits for a later round, when the generated types it names exist. */
    DEFER,
    /** It is in a cycle and infers types: it is processed now without reading its bodies. */
    OPAQUE
  }

  private final Map<TypeElement, Decision> decisions;

  private AttributionOrder(Map<TypeElement, Decision> decisions) {
    this.decisions = decisions;
  }

  /**
   * Orders the {@code classes} of a round; {@code generatedNames} maps those that get a
   * generated class (not the abstract ones) to its simple name.
   */
  public static AttributionOrder of(
      Trees trees, Collection<TypeElement> classes, Map<TypeElement, String> generatedNames) {
    Map<String, Set<TypeElement>> generators = new LinkedHashMap<>();
    generatedNames.forEach(
        (type, name) -> generators.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(type));
    Map<CompilationUnitTree, NameMentions> mentions = new IdentityHashMap<>();
    Map<TypeElement, Set<TypeElement>> needs = new LinkedHashMap<>();
    Map<TypeElement, Boolean> infersTypes = new LinkedHashMap<>();
    for (TypeElement type : classes) {
      Set<TypeElement> needed = new LinkedHashSet<>();
      boolean infers = false;
      for (CompilationUnitTree unit : unitsAttributedWith(trees, type)) {
        NameMentions unitMentions = mentions.computeIfAbsent(unit, NameMentions::of);
        infers |= unitMentions.infersTypes();
        for (String name : unitMentions.names()) {
          needed.addAll(generators.getOrDefault(name, Set.of()));
        }
      }
      needs.put(type, needed);
      infersTypes.put(type, infers);
    }
    Map<TypeElement, Decision> decisions = new LinkedHashMap<>();
    for (TypeElement type : classes) {
      Decision decision;
      if (needs.get(type).isEmpty()) {
        decision = Decision.READ;
      } else if (!reaches(needs, type, type)) {
        decision = Decision.DEFER;
      } else {
        decision = infersTypes.get(type) ? Decision.OPAQUE : Decision.READ;
      }
      decisions.put(type, decision);
    }
    return new AttributionOrder(decisions);
  }

  /** Every class is read now: used without Trees, where nothing is attributed. */
  public static AttributionOrder readingAll(Set<TypeElement> types) {
    Map<TypeElement, Decision> decisions = new LinkedHashMap<>();
    types.forEach(type -> decisions.put(type, Decision.READ));
    return new AttributionOrder(decisions);
  }

  /** What happens to {@code type} in this round. */
  public Decision decision(TypeElement type) {
    return decisions.getOrDefault(type, Decision.READ);
  }

  /** The classes that are processed without reading their bodies, in the round's order. */
  public List<TypeElement> opaque() {
    return decisions.entrySet().stream()
        .filter(entry -> entry.getValue() == Decision.OPAQUE)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static boolean reaches(
      Map<TypeElement, Set<TypeElement>> needs, TypeElement from, TypeElement target) {
    Set<TypeElement> seen = new HashSet<>();
    Deque<TypeElement> work = new ArrayDeque<>(needs.get(from));
    while (!work.isEmpty()) {
      TypeElement next = work.pop();
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next)) {
        work.addAll(needs.getOrDefault(next, Set.of()));
      }
    }
    return false;
  }

  /**
   * The units javac attributes along with {@code type}: attributing a class attributes its
   * outermost class with every class nested in it, and its supertypes first.
   */
  private static Set<CompilationUnitTree> unitsAttributedWith(Trees trees, TypeElement type) {
    Set<CompilationUnitTree> units = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<TypeElement> seen = new HashSet<>();
    Deque<TypeElement> work = new ArrayDeque<>(List.of(type));
    while (!work.isEmpty()) {
      TypeElement current = work.pop();
      if (!seen.add(current)) {
        continue;
      }
      TreePath path = trees.getPath(current);
      if (path == null) {
        continue;
      }
      units.add(path.getCompilationUnit());
      Element enclosing = current.getEnclosingElement();
      if (enclosing instanceof TypeElement) {
        work.push((TypeElement) enclosing);
      }
      work.addAll(ElementFilter.typesIn(current.getEnclosedElements()));
      addDeclared(current.getSuperclass(), work);
      current.getInterfaces().forEach(supertype -> addDeclared(supertype, work));
    }
    return units;
  }

  private static void addDeclared(TypeMirror type, Deque<TypeElement> work) {
    if (type.getKind() == TypeKind.DECLARED) {
      work.push((TypeElement) ((DeclaredType) type).asElement());
    }
  }
}
