#!/usr/bin/env bash
# Regenerates the schemas that deploy's KubernetesSchemaTest validates the rendered manifests against
# (deploy/src/test/resources/schemas; README.md beside this script says where they come from).
# Needs Maven Central only. Run it after changing a version in pom.xml, and commit the result.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/deploy/src/test/resources/schemas
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

"$root/mvnw" -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
cp=$(cat "$here/target/classpath.txt")
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$here/pom.xml"; }

rm -rf "$out/kubernetes" "$out/strimzi"
mkdir -p "$out/kubernetes" "$out/strimzi"
"$java" -cp "$cp" "$here/KubernetesSchemaExport.java" "$out/kubernetes" "$(version kubernetes-client-java.version)"

# Strimzi's own generator writes its CRDs (with their openAPIV3Schema) from the model classes of
# io.strimzi:api, as Strimzi's build does for its install files.
model=io.strimzi.api.kafka.model
"$java" -cp "$cp" io.strimzi.crdgenerator.CrdGenerator \
  --crd-api-version v1 --api-versions v1 --storage-version v1 --yaml \
  "$model.kafka.Kafka=$out/strimzi/kafka.yaml" \
  "$model.nodepool.KafkaNodePool=$out/strimzi/kafkanodepool.yaml" \
  "$model.user.KafkaUser=$out/strimzi/kafkauser.yaml" \
  "$model.topic.KafkaTopic=$out/strimzi/kafkatopic.yaml"
echo "schemas written to $out (Strimzi $(version strimzi.version))"
