{{/*
Names, labels and the per-service facts every template needs.
*/}}

{{- define "sharedict.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "sharedict.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "sharedict.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object; pass (dict "root" $ "component" "skills-service"). */}}
{{- define "sharedict.labels" -}}
helm.sh/chart: {{ include "sharedict.chart" .root }}
{{ include "sharedict.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: sharedict
{{- end }}

{{- define "sharedict.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sharedict.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{/*
The four services. key: their section in values.yaml; database: the key in database.names/users;
mailer: whether they send e-mail; private: whether they sign tokens (the private key is mounted).
*/}}
{{- define "sharedict.components" -}}
skills-service:
  key: skillsService
  database: skills
  mailer: true
  private: false
  callsOthers: true
rota-service:
  key: rotaService
  database: rota
  mailer: true
  private: false
  callsOthers: true
dr-planner:
  key: drPlanner
  database: dr
  mailer: true
  private: false
  callsOthers: true
gateway:
  key: gateway
  database: gateway
  mailer: false
  private: true
  callsOthers: true
{{- end }}

{{/* The in-cluster address of a service: (dict "root" $ "component" "skills-service") */}}
{{- define "sharedict.serviceUrl" -}}
http://{{ include "sharedict.fullname" .root }}-{{ .component }}:{{ .root.Values.service.port }}
{{- end }}

{{- define "sharedict.image" -}}
{{- $values := index .root.Values .key }}
{{- $repository := $values.image.repository | default (printf "%s/%s" .root.Values.image.repository .component) }}
{{- $tag := $values.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}

{{- define "sharedict.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "sharedict.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding passwords: the one you manage, or the chart's. */}}
{{- define "sharedict.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "sharedict.fullname" .) }}
{{- end }}

{{/* The Secret holding the JWT key pair (publicKey.pem, privateKey.pem). */}}
{{- define "sharedict.jwtSecretName" -}}
{{- if and .Values.jwt.privateKey .Values.jwt.publicKey }}
{{- printf "%s-jwt" (include "sharedict.fullname" .) }}
{{- else }}
{{- .Values.jwt.existingSecret | default (printf "%s-jwt" (include "sharedict.fullname" .)) }}
{{- end }}
{{- end }}

{{- define "sharedict.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl | trimSuffix "/" }}
{{- else if .Values.ingress.enabled }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- else }}
{{- printf "http://%s-gateway:%v" (include "sharedict.fullname" .) .Values.service.port }}
{{- end }}
{{- end }}

{{/* host:port of the database server, bundled or external. */}}
{{- define "sharedict.databaseAddress" -}}
{{- if .Values.mariadb.enabled }}
{{- printf "%s-mariadb:3306" (include "sharedict.fullname" .) }}
{{- else }}
{{- printf "%s:%v" .Values.database.external.host .Values.database.external.port }}
{{- end }}
{{- end }}

{{- define "sharedict.jdbcUrl" -}}
{{- $name := index .root.Values.database.names .database }}
{{- $params := ternary "" .root.Values.database.external.parameters .root.Values.mariadb.enabled }}
{{- printf "jdbc:mariadb://%s/%s" (include "sharedict.databaseAddress" .root) $name }}
{{- if $params }}?{{ $params }}{{ end }}
{{- end }}

{{/* Effective minimum number of pods of a service (replicas, or the autoscaler's minimum). */}}
{{- define "sharedict.minReplicas" -}}
{{- if .autoscaling.enabled }}{{ .autoscaling.minReplicas }}{{ else }}{{ .replicaCount }}{{ end }}
{{- end }}

{{/* Fail early, with the reason, on settings that cannot work. */}}
{{- define "sharedict.validate" -}}
{{- if and .Values.mariadb.enabled .Values.database.external.host }}
{{- fail "database: set either mariadb.enabled=true (bundled MariaDB for trials) or database.external.host (your MariaDB), not both" }}
{{- end }}
{{- if and (not .Values.mariadb.enabled) (not .Values.database.external.host) }}
{{- fail "database: mariadb.enabled=false needs database.external.host (the MariaDB server or its primary endpoint)" }}
{{- end }}
{{- if and (not .Values.mariadb.enabled) (not .Values.secrets.existingSecret) }}
{{- range $db := list "skills" "rota" "dr" "gateway" }}
{{- if not (index $.Values.database.passwords $db) }}
{{- fail (printf "database: with an external MariaDB set database.passwords.%s (or secrets.existingSecret): the chart cannot invent a password your DBA set" $db) }}
{{- end }}
{{- end }}
{{- end }}
{{- if or (and .Values.jwt.privateKey (not .Values.jwt.publicKey)) (and .Values.jwt.publicKey (not .Values.jwt.privateKey)) }}
{{- fail "jwt: set both jwt.privateKey and jwt.publicKey (PEM, e.g. --set-file), or neither and use jwt.existingSecret" }}
{{- end }}
{{- if and .Values.jwt.existingSecret .Values.jwt.privateKey }}
{{- fail "jwt: set either jwt.existingSecret or jwt.privateKey/jwt.publicKey, not both" }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.ingress.host) }}
{{- fail "ingress: ingress.enabled needs ingress.host" }}
{{- end }}
{{- $notify := .Values.paging.notify }}
{{- if $notify.enabled }}
{{- if and (not $notify.apiKey) (not .Values.secrets.existingSecret) }}
{{- fail "paging: paging.notify.enabled needs paging.notify.apiKey (or notify-api-key in secrets.existingSecret)" }}
{{- end }}
{{- if not (and $notify.templates.page $notify.templates.verification $notify.templates.notice) }}
{{- fail "paging: paging.notify.enabled needs the three Notify template IDs in paging.notify.templates (page, verification, notice)" }}
{{- end }}
{{- end }}
{{- $voice := .Values.paging.voice }}
{{- if and $voice.enabled (not (and $voice.accountSid $voice.from (or $voice.authToken .Values.secrets.existingSecret))) }}
{{- fail "paging: paging.voice.enabled needs paging.voice.accountSid, paging.voice.from and paging.voice.authToken (or twilio-auth-token in secrets.existingSecret)" }}
{{- end }}
{{- $rota := .Values.rotaService }}
{{- if lt (int (include "sharedict.minReplicas" $rota)) 2 }}
{{- fail "rotaService: run at least 2 replicas (the Quartz cluster on the JDBC store keeps escalations going when one pod goes)" }}
{{- end }}
{{- end }}

{{/* envFrom of a service's containers: (dict "root" $ "component" name "c" facts) */}}
{{- define "sharedict.envFrom" -}}
{{- $fullname := include "sharedict.fullname" .root -}}
- configMapRef:
    name: {{ $fullname }}-common
- configMapRef:
    name: {{ $fullname }}-{{ .component }}
{{- if .c.mailer }}
- configMapRef:
    name: {{ $fullname }}-mailer
{{- end }}
{{- end }}

{{/* Environment from Secrets: (dict "root" $ "c" facts) */}}
{{- define "sharedict.secretEnv" -}}
{{- $secret := include "sharedict.secretName" .root -}}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .c.database }}-db-password
{{- if eq .c.database "rota" }}
{{- /* Signs the one-click action links in pages; shared by every replica (rota-service README). */}}
- name: ROTA_ACTIONS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: rota-actions-secret
      optional: {{ not (empty .root.Values.secrets.existingSecret) }}
{{- if .root.Values.paging.notify.enabled }}
- name: NOTIFY_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: notify-api-key
- name: NOTIFY_CALLBACK_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: notify-callback-token
      optional: true
{{- end }}
{{- if .root.Values.paging.voice.enabled }}
- name: TWILIO_AUTH_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: twilio-auth-token
{{- end }}
{{- end }}
{{- if eq .c.database "skills" }}
{{- /* Signs the one-click links in skills-service's e-mails; shared by every replica (skills-service README). */}}
- name: SKILLS_LINKS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: skills-links-secret
      optional: {{ not (empty .root.Values.secrets.existingSecret) }}
{{- end }}
{{- if eq .c.database "dr" }}
{{- /* Signs the links DR copy holders acknowledge a plan's PDF with; shared by every replica (dr-planner README). */}}
- name: DR_COPIES_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: dr-copies-secret
      optional: {{ not (empty .root.Values.secrets.existingSecret) }}
{{- end }}
{{- if .c.private }}
- name: JWT_PRIVATE_KEY_LOCATION
  value: /etc/sharedict/jwt/privateKey.pem
- name: ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: admin-password
{{- end }}
{{- if and .c.mailer .root.Values.smtp.host (or .root.Values.smtp.password .root.Values.secrets.existingSecret) }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: smtp-password
      optional: {{ not .root.Values.smtp.password }}
{{- end }}
{{- end }}

{{/* Volume mounts of a service's containers: a writable /tmp and the JWT key(s). */}}
{{- define "sharedict.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: jwt
  mountPath: /etc/sharedict/jwt
  readOnly: true
{{- end }}
