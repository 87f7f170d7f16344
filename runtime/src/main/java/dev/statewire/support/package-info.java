/**
 * Support for the classes the Statewire processor generates (as Dagger's {@code
 * dagger.internal}). Exported because generated classes live in users' packages; not an API for
 * hand-written code, and it may change between versions without notice.
 */
package dev.statewire.support;
