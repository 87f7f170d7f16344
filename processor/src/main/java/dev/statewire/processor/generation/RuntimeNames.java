package dev.statewire.processor.generation;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code uses: only exported packages of {@code statewire-runtime}. */
final class RuntimeNames {
  static final ClassName REACTIVE_CONTEXT = ClassName.get("dev.statewire", "ReactiveContext");
  static final ClassName LOCK_GUARD = ClassName.get("dev.statewire", "LockGuard");
  static final ClassName ACTION_SCOPE = ClassName.get("dev.statewire", "ActionScope");
  static final ClassName TRANSACTIONAL = ClassName.get("dev.statewire", "Transactional");
  static final ClassName CLOSED = ClassName.get("dev.statewire", "ClosedException");
  static final ClassName STATE_MUTATION =
      ClassName.get("dev.statewire", "StateMutationException");
  static final ClassName BACKGROUND_TASKS = ClassName.get("dev.statewire", "BackgroundTasks");
  static final ClassName TASK = ClassName.get("dev.statewire", "Task");
  static final ClassName TASK_POLICY = ClassName.get("dev.statewire", "TaskPolicy");
  static final ClassName RESOURCE = ClassName.get("dev.statewire", "Resource");
  static final ClassName RESOURCE_LOADER_PARAMS =
      ClassName.get("dev.statewire", "ResourceLoaderParams");
  static final ClassName ASYNC_DERIVED = ClassName.get("dev.statewire.support", "AsyncDerived");
  static final ClassName STATE_CORE = ClassName.get("dev.statewire.support", "StateCore");
  static final ClassName COMMIT_SAFETY = ClassName.get("dev.statewire.support", "CommitSafety");
  static final ClassName REACTIVE_OBJECT = ClassName.get("dev.statewire", "ReactiveObject");
  static final ClassName CONSTRUCTION = REACTIVE_OBJECT.nestedClass("Construction");
  static final ClassName STATE_FIELD = ClassName.get("dev.statewire.codec", "StateField");
  static final ClassName STATE_CODEC = ClassName.get("dev.statewire.codec", "StateCodec");
  static final ClassName STATE_CODECS = ClassName.get("dev.statewire.codec", "StateCodecs");
  static final ClassName STATEWIRE_GENERATED =
      ClassName.get("dev.statewire.annotation", "StatewireGenerated");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeNames() {}
}
