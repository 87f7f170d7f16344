package test;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;
import java.io.IOException;
import java.time.Duration;

@Reactive
public class Poller {
  int polls;
  String last = "";

  public int polls() {
    return polls;
  }

  @Background(Background.Policy.SKIP)
  @SuppressWarnings("try") // javac's lint notes that self is not used in the lock block
  void poll(int times, Duration interval) {
    for (int i = 0; i < times; i++) {
      try (var self = Statewire.lock(this)) {
        polls++;
      }
      Statewire.sleep(interval);
    }
  }

  @Background(Background.Policy.SUPERSEDE)
  public void fetch(String url) throws IOException {
    String body = download(url);
    Statewire.lock(this, () -> last = body);
  }

  @Background
  protected <T> void log(T first, String... more) {
    System.out.println(first + String.join(" ", more));
  }

  private static String download(String url) throws IOException {
    if (url.isEmpty()) {
      throw new IOException("no url");
    }
    return "body of " + url;
  }
}
