package com.bellyfed.imports.jobs.web;

import com.bellyfed.imports.jobs.ImportJob;
import com.bellyfed.imports.jobs.ImportSettings;
import com.bellyfed.imports.jobs.Imports;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of a job's progress. Each stream looks at the job every {@code streamInterval}
 * (one consistent read) and sends it when something changed, so a client sees at most a few events
 * a second however fast chunks are written; the final state ends the stream.
 */
@Component
class ProgressStreams implements DisposableBean {

  private final Imports imports;
  private final ImportSettings settings;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "import-progress-streams");
    thread.setDaemon(true);
    return thread;
  });

  ProgressStreams(Imports imports, ImportSettings settings) {
    this.imports = imports;
    this.settings = settings;
  }

  Optional<SseEmitter> open(String jobId) {
    Optional<ImportJob> first = imports.find(jobId);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
    AtomicReference<JobView.Counts> last = new AtomicReference<>();
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    Runnable look = () -> {
      try {
        ImportJob job = imports.find(jobId).orElseThrow();
        JobView view = JobView.of(job, false);
        if (job.state().isFinal()) {
          emitter.send(SseEmitter.event().name("final").data(view, MediaType.APPLICATION_JSON));
          emitter.complete();
          cancel(task);
        } else if (!view.counts().equals(last.get())) {
          last.set(view.counts());
          emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
        }
      } catch (IOException | RuntimeException gone) {
        // The client went away or the job cannot be read: the stream ends.
        emitter.completeWithError(gone);
        cancel(task);
      }
    };
    task.set(scheduler.scheduleWithFixedDelay(look, 0, settings.streamInterval().toMillis(), TimeUnit.MILLISECONDS));
    emitter.onCompletion(() -> cancel(task));
    emitter.onTimeout(() -> cancel(task));
    emitter.onError(error -> cancel(task));
    return Optional.of(emitter);
  }

  private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
    ScheduledFuture<?> future = task.get();
    if (future != null) {
      future.cancel(false);
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}
