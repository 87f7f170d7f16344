package fixtures.app;

import dev.statewire.annotation.Reactive;
import fixtures.base.Base;

@Reactive
public class App extends Base {}
