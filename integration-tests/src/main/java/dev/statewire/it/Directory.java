package dev.statewire.it;

import java.util.concurrent.CompletionStage;

/** Where {@link UserProfile} looks names up: a remote call that answers later. */
public interface Directory {
  CompletionStage<String> lookup(long userId);
}
