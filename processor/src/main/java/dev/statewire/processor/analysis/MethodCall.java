package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;

/**
 * A call on {@code this} (unqualified, {@code this.m()}, {@code super.m()}, or a method reference
 * {@code this::m}) to a method of the analysed hierarchy.
 *
 * @param target the method javac resolved the call to
 * @param site the call expression
 * @param viaSuper the call was {@code super.m()}: it runs exactly {@code target}, not an override
 */
public record MethodCall(ExecutableElement target, TreePath site, boolean viaSuper) {}
