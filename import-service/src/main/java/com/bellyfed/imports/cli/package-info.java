/** The command-line importer and the synthetic data generator; plain Java, no Spring, shipped as bellyfed-import.jar. */
@NullMarked
package com.bellyfed.imports.cli;

import org.jspecify.annotations.NullMarked;
