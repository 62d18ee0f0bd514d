package com.bellyfed.localaws.dynamodb.expressions;

import java.util.List;

/**
 * The paths of one projection or one update must be independent: neither may contain the other
 * (overlap) nor reach the same place through a map key in one and a list index in the other
 * (conflict). Overlaps are reported before conflicts, as AWS does.
 */
final class PathOverlaps {

  private enum Relation {
    NONE,
    OVERLAP,
    CONFLICT
  }

  private PathOverlaps() {}

  static void check(String parameter, List<DocumentPath> paths) {
    String conflict = null;
    for (int later = 1; later < paths.size(); later++) {
      for (int earlier = 0; earlier < later; earlier++) {
        DocumentPath one = paths.get(earlier);
        DocumentPath two = paths.get(later);
        Relation relation = relation(one, two);
        if (relation == Relation.OVERLAP) {
          throw Invalid.expression(parameter, "Two document paths overlap with each other; "
              + "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
        }
        if (relation == Relation.CONFLICT && conflict == null) {
          conflict = "Two document paths conflict with each other; "
              + "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two;
        }
      }
    }
    if (conflict != null) {
      throw Invalid.expression(parameter, conflict);
    }
  }

  private static Relation relation(DocumentPath one, DocumentPath two) {
    int shared = Math.min(one.size(), two.size());
    for (int step = 0; step < shared; step++) {
      if (one.isIndex(step) != two.isIndex(step)) {
        return Relation.CONFLICT;
      }
      boolean same = one.isIndex(step) ? one.index(step) == two.index(step) : one.name(step).equals(two.name(step));
      if (!same) {
        return Relation.NONE;
      }
    }
    return Relation.OVERLAP;
  }
}
