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

{{/* An image reference (list repository tag default): repo:tag, repo:tag@digest or, for a tag that is a digest, repo@digest. */}}
{{- define "aimesh.image" -}}
{{- $tag := default (index . 2) (index . 1) -}}
{{- printf "%s%s%s" (index . 0) (ternary "@" ":" (hasPrefix "sha256:" $tag)) $tag -}}
{{- end -}}

{{- define "aimesh.operatorImage" -}}
{{- include "aimesh.image" (list .Values.operator.image.repository .Values.operator.image.tag .Chart.AppVersion) -}}
{{- end -}}

{{- define "aimesh.sidecarImage" -}}
{{- include "aimesh.image" (list .Values.sidecar.image.repository .Values.sidecar.image.tag .Chart.AppVersion) -}}
{{- end -}}

{{/* Milliseconds of a duration in the schema's form (500ms, 15s, 1m30s), as a number string. */}}
{{- define "aimesh.durationMs" -}}
{{- $unitMs := dict "ms" 1 "s" 1000 "m" 60000 "h" 3600000 -}}
{{- $ms := 0.0 -}}
{{- range regexFindAll "[0-9]+(\\.[0-9]+)?(ms|s|m|h)" . -1 -}}
{{- $n := regexFind "^[0-9]+(\\.[0-9]+)?" . | float64 -}}
{{- $ms = addf $ms (mulf $n (get $unitMs (regexReplaceAll "^[0-9.]+" . ""))) -}}
{{- end -}}
{{- $ms -}}
{{- end -}}

{{/*
What values.schema.json cannot say, because it compares a value with another: fails the render
(helm install, upgrade, template, lint) with a message naming the values.
*/}}
{{- define "aimesh.validate" -}}
{{- $op := .Values.operator -}}
{{- if and (gt (int $op.replicas) 1) (not $op.leaderElection.enabled) -}}
{{- fail "operator.leaderElection.enabled=false needs operator.replicas=1: several replicas without a leader would all write status and grant quota" -}}
{{- end -}}
{{- if $op.leaderElection.enabled -}}
{{- $le := $op.leaderElection -}}
{{- /* As operator/controller/leader.ts validateTiming requires. */ -}}
{{- if le (float64 (include "aimesh.durationMs" $le.leaseDuration)) (float64 (include "aimesh.durationMs" $le.renewDeadline)) -}}
{{- fail (printf "operator.leaderElection.leaseDuration (%s) must exceed renewDeadline (%s): a leader steps down after renewDeadline without renewing, and only then may another take over after leaseDuration" $le.leaseDuration $le.renewDeadline) -}}
{{- end -}}
{{- if le (float64 (include "aimesh.durationMs" $le.renewDeadline)) (float64 (include "aimesh.durationMs" $le.retryPeriod)) -}}
{{- fail (printf "operator.leaderElection.renewDeadline (%s) must exceed retryPeriod (%s): the leader retries its renewal every retryPeriod until renewDeadline" $le.renewDeadline $le.retryPeriod) -}}
{{- end -}}
{{- end -}}
{{- $ports := dict -}}
{{- $named := list (list "operator.ports.webhook" $op.ports.webhook) (list "operator.ports.push" $op.ports.push) (list "operator.ports.admin" $op.ports.admin) -}}
{{- if .Values.console.enabled -}}
{{- $named = append $named (list "console.port" .Values.console.port) -}}
{{- end -}}
{{- range $named -}}
{{- $name := index . 0 -}}
{{- $port := toString (int (index . 1)) -}}
{{- if hasKey $ports $port -}}
{{- fail (printf "%s and %s are both %s: the operator's ports must differ" (get $ports $port) $name $port) -}}
{{- end -}}
{{- $_ := set $ports $port $name -}}
{{- end -}}
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
