package fixtures.app;

import dev.statewire.annotation.Reactive;
import fixtures.base.Base;

@Reactive
public class App extends Base {} // [SW307] names method sameIgnoringCase(String, String), which is package-private in another package
