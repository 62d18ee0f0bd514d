/** The edge endpoint: one HTTP port that tells each request's AWS service by its protocol and hands it on. */
@NullMarked
package com.bellyfed.localaws.edge;

import org.jspecify.annotations.NullMarked;
