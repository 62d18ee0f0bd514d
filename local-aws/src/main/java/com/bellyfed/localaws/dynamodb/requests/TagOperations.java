package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Shapes.*;

import java.util.List;

/** The shapes of the tagging operations, after the AWS API Reference pages of each. */
final class TagOperations {

  private TagOperations() {}

  static List<Operation> all() {
    return List.of(
        Operation.of("TagResource", Struct.of("TagResourceInput",
            required("ResourceArn", RESOURCE_ARN),
            required("Tags", list(TAG, null, null))),
            TagRules.arnFirst("TagResource"), TagRules.tableArnThenTags("Tags", "Atleast one Tag needs to be provided as Input.")),
        Operation.of("UntagResource", Struct.of("UntagResourceInput",
            required("ResourceArn", RESOURCE_ARN),
            // AWS checks the keys itself: "The Tag Key provided is invalid" (see TagRules).
            required("TagKeys", list(string(), null, null))),
            TagRules.arnFirst("UntagResource"),
            TagRules.tableArnThenTags("TagKeys", "Atleast one Tag Key needs to be provided as Input.")),
        Operation.of("ListTagsOfResource", Struct.of("ListTagsOfResourceInput",
            required("ResourceArn", RESOURCE_ARN),
            optional("NextToken", string())),
            TagRules.arnFirst("ListTagsOfResource"), TagRules.tableArnThenTags(null, null)));
  }
}
