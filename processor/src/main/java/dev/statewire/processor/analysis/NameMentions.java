package dev.statewire.processor.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.Set;

/**
 * What a compilation unit says, read from its syntax alone: the simple names it mentions (as
 * identifiers, the last part of qualified names, the class of a {@code new}) and whether it
 * declares variables whose type javac infers ({@code var}, implicitly typed lambda parameters).
 * Reading it attributes nothing, so it is safe while the types named are still to be generated.
 *
 * @param names every simple name mentioned
 * @param infersTypes the unit declares a variable without writing its type
 */
public record NameMentions(Set<String> names, boolean infersTypes) {

  /** Reads {@code unit}. */
  public static NameMentions of(CompilationUnitTree unit) {
    Scanner scanner = new Scanner();
    scanner.scan(unit, null);
    return new NameMentions(Set.copyOf(scanner.names), scanner.infersTypes);
  }

  private static final class Scanner extends TreeScanner<Void, Void> {
    private final Set<String> names = new HashSet<>();
    private boolean infersTypes;

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      names.add(node.getName().toString());
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      names.add(node.getIdentifier().toString());
      return super.visitMemberSelect(node, unused);
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      // Before attribution, javac leaves the type of `var x` and of an implicit lambda
      // parameter empty; attribution fills it in with what it infers.
      if (node.getType() == null) {
        infersTypes = true;
      }
      return super.visitVariable(node, unused);
    }
  }
}
