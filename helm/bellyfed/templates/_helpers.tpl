{{/* The labels every resource carries. */}}
{{- define "bellyfed.labels" -}}
app.kubernetes.io/part-of: bellyfed
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
helm.sh/chart: {{ .root.Chart.Name }}-{{ .root.Chart.Version }}
bellyfed.io/environment: {{ .root.Values.environment }}
{{ include "bellyfed.selector" . }}
{{- end -}}

{{/* What a service's pods are selected by. */}}
{{- define "bellyfed.selector" -}}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* A service's settings: the defaults, overridden by its own entry. */}}
{{- define "bellyfed.service" -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy .config) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* Does the service sign paging cursors (and so need the cursor secret)? */}}
{{- define "bellyfed.pages" -}}
{{- if has .name (list "query-service" "import-service" "analytics-service") }}true{{ end -}}
{{- end -}}
