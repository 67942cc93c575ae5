{{/* Names. */}}
{{- define "aimesh.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "aimesh.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "aimesh.operatorName" -}}
{{- printf "%s-operator" (include "aimesh.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "aimesh.webhookServiceName" -}}
{{- printf "%s-webhook" (include "aimesh.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
A webhook's clientConfig for a path (list . "/inject"): webhook.url plus the path when set (an
operator the apiserver reaches at a URL, e.g. one running outside the cluster), else the webhook
Service. Never caBundle: the operator patches it in, and Helm's three-way merge keeps a field the
chart does not render across upgrades, either way.
*/}}
{{- define "aimesh.webhookClientConfig" -}}
{{- $root := index . 0 -}}
{{- $path := index . 1 -}}
{{- if $root.Values.webhook.url -}}
{{- dict "url" (printf "%s%s" (trimSuffix "/" $root.Values.webhook.url) $path) | toYaml -}}
{{- else -}}
{{- dict "service" (dict "name" (include "aimesh.webhookServiceName" $root) "namespace" $root.Release.Namespace "path" $path "port" 443) | toYaml -}}
{{- end -}}
{{- end -}}

{{/* The push Service: what sidecars dial (--operator https://<this>.<ns>.svc:<push port>). */}}
{{- define "aimesh.pushServiceName" -}}
{{- include "aimesh.operatorName" . -}}
{{- end -}}

{{/* Cluster-scoped: one per release. */}}
{{- define "aimesh.webhookConfigName" -}}
{{- printf "%s-sidecar-injector" (include "aimesh.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "aimesh.certSecretName" -}}
{{- default (printf "%s-operator-tls" (include "aimesh.fullname" .)) .Values.webhook.certSecretName -}}
{{- end -}}

{{- define "aimesh.leaseName" -}}
{{- default (printf "%s-leader" (include "aimesh.fullname" .)) .Values.operator.leaderElection.leaseName -}}
{{- end -}}

{{- define "aimesh.serviceAccountName" -}}
{{- if .Values.operator.serviceAccount.create -}}
{{- default (include "aimesh.operatorName" .) .Values.operator.serviceAccount.name -}}
{{- else -}}
{{- required "operator.serviceAccount.name is required when operator.serviceAccount.create is false" .Values.operator.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "aimesh.operatorImage" -}}
{{- printf "%s:%s" .Values.operator.image.repository (default .Chart.AppVersion .Values.operator.image.tag) -}}
{{- end -}}

{{- define "aimesh.sidecarImage" -}}
{{- printf "%s:%s" .Values.sidecar.image.repository (default .Chart.AppVersion .Values.sidecar.image.tag) -}}
{{- end -}}

{{/* Labels. */}}
{{- define "aimesh.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "aimesh.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: aimesh
{{- end -}}

{{- define "aimesh.operatorSelectorLabels" -}}
app.kubernetes.io/name: {{ include "aimesh.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{- define "aimesh.operatorLabels" -}}
{{ include "aimesh.labels" . }}
app.kubernetes.io/component: operator
{{- end -}}

{{/* Environment of every injected sidecar (tracing, log level, extras), as JSON. */}}
{{- define "aimesh.sidecarEnv" -}}
{{- $env := list -}}
{{- if .Values.tracing.endpoint -}}
{{- $env = append $env (dict "name" "OTEL_EXPORTER_OTLP_ENDPOINT" "value" .Values.tracing.endpoint) -}}
{{- $env = append $env (dict "name" "OTEL_EXPORTER_OTLP_PROTOCOL" "value" "http/protobuf") -}}
{{- $env = append $env (dict "name" "OTEL_TRACES_SAMPLER" "value" .Values.tracing.sampler) -}}
{{- if .Values.tracing.samplerArg -}}
{{- $env = append $env (dict "name" "OTEL_TRACES_SAMPLER_ARG" "value" (toString .Values.tracing.samplerArg)) -}}
{{- end -}}
{{- else -}}
{{- $env = append $env (dict "name" "OTEL_TRACES_EXPORTER" "value" "none") -}}
{{- end -}}
{{- if .Values.tracing.resourceAttributes -}}
{{- $env = append $env (dict "name" "OTEL_RESOURCE_ATTRIBUTES" "value" .Values.tracing.resourceAttributes) -}}
{{- end -}}
{{- $env = append $env (dict "name" "AIMESH_LOG_LEVEL" "value" .Values.sidecar.logLevel) -}}
{{- if eq .Values.sidecar.metricsAccess "any" -}}
{{- $env = append $env (dict "name" "AIMESH_METRICS_ACCESS" "value" "any") -}}
{{- end -}}
{{- concat $env .Values.sidecar.extraEnv | toJson -}}
{{- end -}}

{{/* The egress gateway (templates/gateway.yaml). */}}
{{- define "aimesh.gatewaySelectorLabels" -}}
app.kubernetes.io/name: {{ include "aimesh.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: gateway
{{- end -}}

{{- define "aimesh.gatewayLabels" -}}
{{ include "aimesh.labels" . }}
app.kubernetes.io/component: gateway
{{- end -}}
