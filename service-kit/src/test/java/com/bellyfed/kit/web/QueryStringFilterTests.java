package com.bellyfed.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringFilterTests {

  @Test
  void acceptsPercentEncodedUtf8AndPlainText() {
    assertThat(QueryStringFilter.undecodable("city=K%C3%B6ln&cuisine=Tex-Mex&limit=5&cursor=abc.def&empty=&flag")).isEmpty();
    assertThat(QueryStringFilter.undecodable("city=%E6%9D%B1%E4%BA%AC+x")).isEmpty();
  }

  @Test
  void namesEachParameterThatIsNotUtf8OrHasABrokenEscape() {
    assertThat(QueryStringFilter.undecodable("city=%FF%FE&cuisine=ok&cursor=%C0%80&limit=%G1&sort=%"))
        .extracting(error -> error.get("field"))
        .containsExactly("city", "cursor", "limit", "sort");
  }

  @Test
  void callsANameThatDoesNotDecodeQueryAndNamesItOnce() {
    assertThat(QueryStringFilter.undecodable("%FF=1&%FE=2")).isEqualTo(List.of(Map.of("field", "query", "reason", "must be percent-encoded UTF-8")));
  }
}
