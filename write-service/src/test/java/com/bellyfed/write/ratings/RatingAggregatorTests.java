package com.bellyfed.write.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatingAggregatorTests {

  @Test
  void averagesToTwoDecimalsRoundingHalfUp() {
    assertThat(RatingAggregator.average(14, 3)).isEqualByComparingTo(new BigDecimal("4.67"));
    assertThat(RatingAggregator.average(9, 2)).isEqualByComparingTo(new BigDecimal("4.50"));
    assertThat(RatingAggregator.average(1001, 200)).isEqualByComparingTo(new BigDecimal("5.01"));
  }

  @Test
  void isZeroWithoutReviewsAndWhileADeletionOvertookItsCreation() {
    assertThat(RatingAggregator.average(0, 0)).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(RatingAggregator.average(-4, -1)).isEqualByComparingTo(BigDecimal.ZERO);
  }
}
