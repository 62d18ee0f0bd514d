package com.bellyfed.write.ratings.messaging;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.listener.SqsEventListeners;
import com.bellyfed.write.ratings.RatingAggregator;
import com.bellyfed.write.ratings.RatingEvents.ReviewCreated;
import com.bellyfed.write.ratings.RatingEvents.ReviewDeleted;
import com.bellyfed.write.ratings.RatingEvents.ReviewsImported;
import com.bellyfed.events.consuming.ReliableConsumer.Outcome;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Hands the rating queue's review events to the aggregate, through the reliable consumer. */
@Component
class RatingListener {

  private final SqsEventListeners listeners;
  private final RatingAggregator ratings;
  private final EnvelopeJson json;

  RatingListener(SqsEventListeners listeners, RatingAggregator ratings, EnvelopeJson json) {
    this.listeners = listeners;
    this.ratings = ratings;
    this.json = json;
  }

  // Few at a time: review events of one popular restaurant all update one item, and every extra
  // concurrent handler mostly loses the compare-and-set and retries (see bellyfed.write.rating-concurrency).
  @SqsListener(value = "#{@bellyfedTopology.queue('rating').name()}", id = "ratings",
      maxConcurrentMessages = "${bellyfed.write.rating-concurrency}", maxMessagesPerPoll = "${bellyfed.write.rating-concurrency}")
  void receive(Message<String> message) {
    if (listeners.handle(RatingAggregator.CONSUMER, message, this::on) == Outcome.DUPLICATE) {
      ratings.duplicate();
    }
  }

  private void on(EventEnvelope event) {
    switch (event.eventType()) {
      case "restaurant.review.created" -> ratings.on(json.payload(event, ReviewCreated.class), event.eventId());
      case "restaurant.review.deleted" -> ratings.on(json.payload(event, ReviewDeleted.class), event.eventId());
      case "restaurant.reviews.imported" -> ratings.on(json.payload(event, ReviewsImported.class), event.eventId());
      // The rule routes only these three; anything else is acknowledged without effect.
      default -> { }
    }
  }
}
