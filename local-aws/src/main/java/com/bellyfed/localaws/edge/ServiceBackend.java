package com.bellyfed.localaws.edge;

import java.io.IOException;

/** Serves the requests of one AWS service. */
public interface ServiceBackend {

  AwsResponse handle(AwsRequest request) throws IOException, InterruptedException;
}
