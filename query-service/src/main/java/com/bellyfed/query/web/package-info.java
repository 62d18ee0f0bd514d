/** What every endpoint here shares beyond service-kit's web contract: cache policies. */
@NullMarked
package com.bellyfed.query.web;

import org.jspecify.annotations.NullMarked;
