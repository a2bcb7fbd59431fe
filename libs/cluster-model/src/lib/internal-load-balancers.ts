import { annotationOf } from './object-header';

/**
 * Which Services of type LoadBalancer get an internal load balancer (reachable from the private
 * network only, never from the internet), read the way the controller that provisions it reads
 * the Service. Sources:
 *
 * - k8s.io/cloud-provider controllers/service (wantsLoadBalancer): a cloud provider's controller
 *   leaves a Service with spec.loadBalancerClass to the controller of that class, so provider
 *   annotations count only on Services without one.
 * - cloud-provider-aws (aws.go, ServiceAnnotationLoadBalancerInternal): any value but "false" is
 *   internal; it leaves aws-load-balancer-type `external` and `nlb-ip` to the AWS Load Balancer
 *   Controller.
 * - AWS Load Balancer Controller docs (service annotations, "lb-scheme"): it owns Services of
 *   loadBalancerClass service.k8s.aws/nlb or aws-load-balancer-type external / nlb-ip, and
 *   provisions an internal NLB unless aws-load-balancer-scheme is internet-facing (or the
 *   deprecated aws-load-balancer-internal says true).
 * - cloud-provider-gcp (gce_annotations.go, GetLoadBalancerAnnotationType): the first of
 *   networking.gke.io/load-balancer-type and cloud.google.com/load-balancer-type that is set,
 *   "Internal" or its deprecated spelling "internal"; GKE docs (LoadBalancer Service parameters):
 *   loadBalancerClass networking.gke.io/l4-regional-internal.
 * - cloud-provider-azure (requiresInternalLoadBalancer): exactly "true".
 * - IBM Cloud, OpenStack (cloud-provider-openstack), Baidu CCE, Tencent TKE, Alibaba ACK and OCI
 *   (oci-cloud-controller-manager) load balancer annotation docs.
 */

export interface LoadBalancerRequest {
  readonly annotations: Readonly<Record<string, string>>;
  readonly loadBalancerClass?: string;
}

const AWS_INTERNAL = 'service.beta.kubernetes.io/aws-load-balancer-internal';
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';
const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
const AWS_LBC_CLASS = 'service.k8s.aws/nlb';
/** aws-load-balancer-type values the AWS Load Balancer Controller takes over from the provider. */
const AWS_LBC_TYPES = ['external', 'nlb-ip'];
/** What Go's strconv.ParseBool reads as true, as the AWS Load Balancer Controller parses it. */
const GO_TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];

/** GKE reads the first of these that is set, and only that one. */
const GKE_TYPE_KEYS = [
  'networking.gke.io/load-balancer-type',
  'cloud.google.com/load-balancer-type',
];
const GKE_INTERNAL_VALUES = ['Internal', 'internal'];
const GKE_INTERNAL_CLASS = 'networking.gke.io/l4-regional-internal';

/** An annotation, and whether a value of it asks for an internal load balancer. */
type AnnotationRule = readonly [key: string, internal: (value: string) => boolean];

const is =
  (expected: string) =>
  (value: string): boolean =>
    value === expected;

/** Provider annotations asking for an internal load balancer, by the value the provider checks. */
const ANNOTATION_RULES: readonly AnnotationRule[] = [
  [AWS_INTERNAL, (value) => value !== '' && value !== 'false'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', is('true')],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', is('private')],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', is('true')],
  ['service.beta.kubernetes.io/cce-load-balancer-internal-vpc', is('true')],
  ['service.kubernetes.io/qcloud-loadbalancer-internal-subnetid', (value) => value !== ''],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', is('intranet')],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', is('true')],
];

function annotationReason(key: string, value: string): string {
  return `annotation ${key}: ${JSON.stringify(value)}`;
}

/**
 * Why a LoadBalancer Service's load balancer is internal, naming the class or annotation that
 * makes it so, or undefined when nothing does (the load balancer faces the internet).
 */
export function internalLoadBalancerReason(request: LoadBalancerRequest): string | undefined {
  const { annotations, loadBalancerClass } = request;
  if (loadBalancerClass === AWS_LBC_CLASS) {
    return awsLoadBalancerController(annotations, `loadBalancerClass ${AWS_LBC_CLASS}`);
  }
  if (loadBalancerClass === GKE_INTERNAL_CLASS) return `loadBalancerClass ${GKE_INTERNAL_CLASS}`;
  if (loadBalancerClass !== undefined) return undefined;
  const awsType = annotationOf(annotations, AWS_TYPE);
  if (awsType !== undefined && AWS_LBC_TYPES.includes(awsType)) {
    return awsLoadBalancerController(annotations, annotationReason(AWS_TYPE, awsType));
  }
  return gkeAnnotation(annotations) ?? providerAnnotation(annotations);
}

function awsLoadBalancerController(
  annotations: Readonly<Record<string, string>>,
  owner: string,
): string | undefined {
  const internal = annotationOf(annotations, AWS_INTERNAL);
  if (internal !== undefined && GO_TRUE.includes(internal)) {
    return annotationReason(AWS_INTERNAL, internal);
  }
  if (annotationOf(annotations, AWS_SCHEME) === 'internet-facing') return undefined;
  return `AWS Load Balancer Controller (${owner}) without aws-load-balancer-scheme: internet-facing`;
}

function gkeAnnotation(annotations: Readonly<Record<string, string>>): string | undefined {
  for (const key of GKE_TYPE_KEYS) {
    const value = annotationOf(annotations, key);
    if (value === undefined) continue;
    return GKE_INTERNAL_VALUES.includes(value) ? annotationReason(key, value) : undefined;
  }
  return undefined;
}

function providerAnnotation(annotations: Readonly<Record<string, string>>): string | undefined {
  for (const [key, internal] of ANNOTATION_RULES) {
    const value = annotationOf(annotations, key);
    if (value !== undefined && internal(value)) return annotationReason(key, value);
  }
  return undefined;
}
