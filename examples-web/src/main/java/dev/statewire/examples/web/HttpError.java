package dev.statewire.examples.web;

/**
 * A request the server refuses: the HTTP status and a message saying what was wrong and what to
 * do, sent to the client as plain text.
 */
class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
