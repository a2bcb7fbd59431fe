import { FILE, readYaml } from '../../test/read-manifest';
import type { ClusterModel } from './types';

/** Manifest builders: each row below writes only the part that is wrong. */
const np = (spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\nspec: ${spec}\n`;
const anp = (spec: string): string =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec: ${spec}\n`;
const banp = (spec: string, name = 'default'): string =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
const cnp = (spec: string): string =>
  `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: c}\nspec: ${spec}\n`;
const pod = (spec: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: n}\nspec: ${spec}\n`;

const ANP_SUBJECT = 'subject: {namespaces: {}}';
const anpIngress = (rule: string): string =>
  anp(`{priority: 10, ${ANP_SUBJECT}, ingress: [${rule}]}`);
const anpEgress = (rule: string): string =>
  anp(`{priority: 10, ${ANP_SUBJECT}, egress: [${rule}]}`);
const cnpIngress = (rule: string): string =>
  cnp(`{tier: Admin, priority: 10, ${ANP_SUBJECT}, ingress: [${rule}]}`);
const cnpEgress = (rule: string): string =>
  cnp(`{tier: Admin, priority: 10, ${ANP_SUBJECT}, egress: [${rule}]}`);
const fromAll = 'from: [{namespaces: {}}]';

type Row = readonly [
  description: string,
  manifest: string,
  object: string,
  field: string,
  message: string,
];

const networkPolicyRows: Row[] = [
  [
    'an invalid ipBlock CIDR',
    np('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.cidr',
    'invalid CIDR "10.0.0.0/33"',
  ],
  [
    'a CIDR without a prefix',
    np('{egress: [{to: [{ipBlock: {cidr: 10.0.0.1}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.egress[0].to[0].ipBlock.cidr',
    'invalid CIDR',
  ],
  [
    'an inet_aton-style CIDR',
    np('{ingress: [{from: [{ipBlock: {cidr: 10.1/16}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.cidr',
    'invalid CIDR',
  ],
  [
    'an ipBlock without cidr',
    np('{ingress: [{from: [{ipBlock: {except: [10.0.0.0/24]}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.cidr',
    'is required',
  ],
  [
    'an invalid except entry',
    np('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.300/24]}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.except[0]',
    'invalid CIDR',
  ],
  [
    'an except outside cidr',
    np('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.except[0]',
    'must be a strict subset of cidr',
  ],
  [
    'an except equal to cidr',
    np('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.except[0]',
    'strict subset',
  ],
  [
    'an except wider than cidr',
    np('{ingress: [{from: [{ipBlock: {cidr: 10.1.0.0/16, except: [10.0.0.0/8]}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.except[0]',
    'strict subset',
  ],
  [
    'an except of the other family',
    np('{ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0, except: ["fd00::/8"]}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].ipBlock.except[0]',
    'strict subset',
  ],
  [
    'endPort without port',
    np('{ingress: [{ports: [{endPort: 90}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].endPort',
    'may not be specified when port is not specified',
  ],
  [
    'endPort with a named port',
    np('{ingress: [{ports: [{port: http, endPort: 90}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].endPort',
    'named port',
  ],
  [
    'endPort below port',
    np('{egress: [{ports: [{port: 100, endPort: 90}]}]}'),
    'NetworkPolicy/n/p',
    'spec.egress[0].ports[0].endPort',
    'must be greater than or equal to port (100)',
  ],
  [
    'endPort above 65535',
    np('{egress: [{ports: [{port: 100, endPort: 70000}]}]}'),
    'NetworkPolicy/n/p',
    'spec.egress[0].ports[0].endPort',
    'between 1 and 65535',
  ],
  [
    'port 0',
    np('{ingress: [{ports: [{port: 0}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'invalid port 0: must be between 1 and 65535',
  ],
  [
    'port 65536',
    np('{ingress: [{ports: [{port: 65536}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'between 1 and 65535',
  ],
  [
    'a fractional port',
    np('{ingress: [{ports: [{port: 80.5}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'must be a port number',
  ],
  [
    'an upper-case named port',
    np('{ingress: [{ports: [{port: HTTP}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'invalid port name "HTTP": must contain only lowercase',
  ],
  [
    'a quoted number as port',
    np('{ingress: [{ports: [{port: "8080"}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'must contain at least one letter',
  ],
  [
    'a named port with a double hyphen',
    np('{ingress: [{ports: [{port: web--ui}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'consecutive hyphens',
  ],
  [
    'a named port ending in a hyphen',
    np('{ingress: [{ports: [{port: web-}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'begin or end with a hyphen',
  ],
  [
    'a named port longer than 15',
    np('{ingress: [{ports: [{port: abcdefghijklmnop}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].port',
    'no more than 15 characters',
  ],
  [
    'an unknown protocol',
    np('{ingress: [{ports: [{protocol: ICMP, port: 80}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].ports[0].protocol',
    'unsupported protocol "ICMP": must be one of TCP, UDP, SCTP',
  ],
  [
    'a lower-case protocol',
    np('{egress: [{ports: [{protocol: tcp}]}]}'),
    'NetworkPolicy/n/p',
    'spec.egress[0].ports[0].protocol',
    'unsupported protocol "tcp"',
  ],
  [
    'an unknown selector operator',
    np('{podSelector: {matchExpressions: [{key: app, operator: Equals, values: [a]}]}}'),
    'NetworkPolicy/n/p',
    'spec.podSelector.matchExpressions[0].operator',
    '"Equals" is not a valid selector operator',
  ],
  [
    'In with no values',
    np('{podSelector: {matchExpressions: [{key: app, operator: In, values: []}]}}'),
    'NetworkPolicy/n/p',
    'spec.podSelector.matchExpressions[0].values',
    'must be specified when operator is In',
  ],
  [
    'NotIn without values',
    np(
      '{ingress: [{from: [{namespaceSelector: {matchExpressions: [{key: team, operator: NotIn}]}}]}]}',
    ),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values',
    'must be specified when operator is NotIn',
  ],
  [
    'Exists with values',
    np('{podSelector: {matchExpressions: [{key: app, operator: Exists, values: [a]}]}}'),
    'NetworkPolicy/n/p',
    'spec.podSelector.matchExpressions[0].values',
    'may not be specified when operator is Exists',
  ],
  [
    'an expression without key',
    np('{podSelector: {matchExpressions: [{operator: Exists}]}}'),
    'NetworkPolicy/n/p',
    'spec.podSelector.matchExpressions[0].key',
    'is required',
  ],
  [
    'a number as a matchLabels value',
    np('{podSelector: {matchLabels: {version: 2}}}'),
    'NetworkPolicy/n/p',
    'spec.podSelector.matchLabels.version',
    'must be a string',
  ],
  [
    'an empty peer',
    np('{ingress: [{from: [{}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0]',
    'must specify a peer',
  ],
  [
    'a peer with only null selectors',
    np('{egress: [{to: [{podSelector: null}]}]}'),
    'NetworkPolicy/n/p',
    'spec.egress[0].to[0]',
    'must specify a peer',
  ],
  [
    'ipBlock with podSelector',
    np('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.ingress[0].from[0]',
    'may not specify both ipBlock and another peer',
  ],
  [
    'ipBlock with namespaceSelector',
    np('{egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}, namespaceSelector: {}}]}]}'),
    'NetworkPolicy/n/p',
    'spec.egress[0].to[0]',
    'may not specify both ipBlock and another peer',
  ],
  [
    'an unknown policyType',
    np('{policyTypes: [Ingress, Outgress]}'),
    'NetworkPolicy/n/p',
    'spec.policyTypes[1]',
    'unsupported value "Outgress": must be Ingress or Egress',
  ],
  [
    'three policyTypes',
    np('{policyTypes: [Ingress, Egress, Ingress]}'),
    'NetworkPolicy/n/p',
    'spec.policyTypes',
    'may not specify more than two policyTypes',
  ],
  [
    'ingress that is not a list',
    np('{ingress: {from: []}}'),
    'NetworkPolicy/n/p',
    'spec.ingress',
    'must be a list',
  ],
];

const adminPolicyRows: Row[] = [
  [
    'an ANP without priority',
    anp(`{${ANP_SUBJECT}}`),
    'AdminNetworkPolicy/a',
    'spec.priority',
    'is required',
  ],
  [
    'an ANP priority above 1000',
    anp(`{priority: 1001, ${ANP_SUBJECT}}`),
    'AdminNetworkPolicy/a',
    'spec.priority',
    'must be between 0 and 1000, got 1001',
  ],
  [
    'a negative ANP priority',
    anp(`{priority: -1, ${ANP_SUBJECT}}`),
    'AdminNetworkPolicy/a',
    'spec.priority',
    'must be between 0 and 1000',
  ],
  [
    'an ANP without subject',
    anp('{priority: 1}'),
    'AdminNetworkPolicy/a',
    'spec.subject',
    'is required',
  ],
  [
    'an ANP subject with no field',
    anp('{priority: 1, subject: {}}'),
    'AdminNetworkPolicy/a',
    'spec.subject',
    'must specify exactly one of namespaces, pods',
  ],
  [
    'an ANP subject with two fields',
    anp('{priority: 1, subject: {namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}}'),
    'AdminNetworkPolicy/a',
    'spec.subject',
    'not namespaces and pods',
  ],
  [
    'an ANP pods subject with a bad podSelector',
    anp('{priority: 1, subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: []}}}}'),
    'AdminNetworkPolicy/a',
    'spec.subject.pods.podSelector.matchLabels',
    'must be an object',
  ],
  [
    'an ANP subject with a bad selector',
    anp(
      '{priority: 1, subject: {namespaces: {matchExpressions: [{key: a, operator: in, values: [x]}]}}}',
    ),
    'AdminNetworkPolicy/a',
    'spec.subject.namespaces.matchExpressions[0].operator',
    'not a valid selector operator',
  ],
  [
    'an ANP rule with action Accept',
    anpIngress(`{action: Accept, ${fromAll}}`),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].action',
    'unsupported action "Accept" for AdminNetworkPolicy: must be one of Allow, Deny, Pass',
  ],
  [
    'an ANP rule without action',
    anpIngress(`{${fromAll}}`),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].action',
    'is required',
  ],
  [
    'a BANP rule with action Pass',
    banp(`{${ANP_SUBJECT}, egress: [{action: Pass, to: [{namespaces: {}}]}]}`),
    'BaselineAdminNetworkPolicy/default',
    'spec.egress[0].action',
    'must be one of Allow, Deny',
  ],
  [
    'a BANP not named default',
    banp(`{${ANP_SUBJECT}}`, 'mine'),
    'BaselineAdminNetworkPolicy/mine',
    'metadata.name',
    'must be "default"',
  ],
  [
    'an ANP peer with no field',
    anpIngress('{action: Allow, from: [{}]}'),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].from[0]',
    'must specify exactly one of namespaces, pods',
  ],
  [
    'an ANP peer with two fields',
    anpEgress('{action: Deny, to: [{namespaces: {}, networks: [10.0.0.0/8]}]}'),
    'AdminNetworkPolicy/a',
    'spec.egress[0].to[0]',
    'must specify exactly one of namespaces, pods, nodes, networks, not namespaces and networks',
  ],
  [
    'an ANP ingress peer with networks',
    anpIngress('{action: Allow, from: [{networks: [10.0.0.0/8]}]}'),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].from[0].networks',
    'unknown field: must be one of namespaces, pods',
  ],
  [
    'an ANP rule with no peers',
    anpIngress('{action: Allow, from: []}'),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].from',
    'must have at least one peer',
  ],
  [
    'an ANP rule without to',
    anpEgress('{action: Allow}'),
    'AdminNetworkPolicy/a',
    'spec.egress[0].to',
    'is required',
  ],
  [
    'an invalid ANP network',
    anpEgress('{action: Deny, to: [{networks: [10.0.0.0/8, 300.0.0.0/8]}]}'),
    'AdminNetworkPolicy/a',
    'spec.egress[0].to[0].networks[1]',
    'invalid CIDR "300.0.0.0/8"',
  ],
  [
    'an empty ANP networks list',
    anpEgress('{action: Deny, to: [{networks: []}]}'),
    'AdminNetworkPolicy/a',
    'spec.egress[0].to[0].networks',
    'must have at least one item',
  ],
  [
    'an ANP port number of 0',
    anpIngress(`{action: Deny, ${fromAll}, ports: [{portNumber: {protocol: TCP, port: 0}}]}`),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].ports[0].portNumber.port',
    'between 1 and 65535',
  ],
  [
    'an ANP port with an unknown protocol',
    anpIngress(`{action: Deny, ${fromAll}, ports: [{portNumber: {protocol: ICMP, port: 1}}]}`),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].ports[0].portNumber.protocol',
    'unsupported protocol',
  ],
  [
    'an ANP port range ending before it starts',
    anpIngress(`{action: Deny, ${fromAll}, ports: [{portRange: {start: 90, end: 80}}]}`),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].ports[0].portRange',
    'start port (90) must be less than end port (80)',
  ],
  [
    'an ANP port with two fields',
    anpIngress(`{action: Deny, ${fromAll}, ports: [{namedPort: web, portNumber: {port: 80}}]}`),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].ports[0]',
    'must specify exactly one of portNumber, namedPort, portRange',
  ],
  [
    'an invalid ANP named port',
    anpIngress(`{action: Deny, ${fromAll}, ports: [{namedPort: Web_UI}]}`),
    'AdminNetworkPolicy/a',
    'spec.ingress[0].ports[0].namedPort',
    'invalid port name "Web_UI"',
  ],
  [
    'a CNP without tier',
    cnp(`{priority: 1, ${ANP_SUBJECT}}`),
    'ClusterNetworkPolicy/c',
    'spec.tier',
    'is required',
  ],
  [
    'a CNP with an unknown tier',
    cnp(`{tier: Developer, priority: 1, ${ANP_SUBJECT}}`),
    'ClusterNetworkPolicy/c',
    'spec.tier',
    'unsupported tier "Developer": must be one of Admin, Baseline',
  ],
  [
    'a CNP without priority',
    cnp(`{tier: Baseline, ${ANP_SUBJECT}}`),
    'ClusterNetworkPolicy/c',
    'spec.priority',
    'is required',
  ],
  [
    'a CNP priority above 1000',
    cnp(`{tier: Admin, priority: 5000, ${ANP_SUBJECT}}`),
    'ClusterNetworkPolicy/c',
    'spec.priority',
    'between 0 and 1000',
  ],
  [
    'a CNP subject with two fields',
    cnp('{tier: Admin, priority: 1, subject: {namespaces: {}, pods: {podSelector: {}}}}'),
    'ClusterNetworkPolicy/c',
    'spec.subject',
    'must specify exactly one of namespaces, pods',
  ],
  [
    'a CNP rule with action Allow',
    cnpIngress(`{action: Allow, ${fromAll}}`),
    'ClusterNetworkPolicy/c',
    'spec.ingress[0].action',
    'must be one of Accept, Deny, Pass',
  ],
  [
    'a CNP peer with two fields',
    cnpEgress('{action: Deny, to: [{networks: [10.0.0.0/8], domainNames: [example.com]}]}'),
    'ClusterNetworkPolicy/c',
    'spec.egress[0].to[0]',
    'must specify exactly one of',
  ],
  [
    'an invalid CNP domain name',
    cnpEgress('{action: Accept, to: [{domainNames: ["*example.com"]}]}'),
    'ClusterNetworkPolicy/c',
    'spec.egress[0].to[0].domainNames[0]',
    'invalid domain name',
  ],
  [
    'an empty CNP protocols list',
    cnpIngress(`{action: Deny, ${fromAll}, protocols: []}`),
    'ClusterNetworkPolicy/c',
    'spec.ingress[0].protocols',
    'must have at least one item',
  ],
  [
    'a CNP protocol with no destinationPort',
    cnpIngress(`{action: Deny, ${fromAll}, protocols: [{tcp: {}}]}`),
    'ClusterNetworkPolicy/c',
    'spec.ingress[0].protocols[0].tcp.destinationPort',
    'is required',
  ],
  [
    'a CNP protocol entry with two fields',
    cnpIngress(
      `{action: Deny, ${fromAll}, protocols: [{tcp: {destinationPort: {number: 80}}, udp: {destinationPort: {number: 53}}}]}`,
    ),
    'ClusterNetworkPolicy/c',
    'spec.ingress[0].protocols[0]',
    'must specify exactly one of tcp, udp, sctp, destinationNamedPort',
  ],
  [
    'a CNP destination port of 0',
    cnpIngress(`{action: Deny, ${fromAll}, protocols: [{udp: {destinationPort: {number: 0}}}]}`),
    'ClusterNetworkPolicy/c',
    'spec.ingress[0].protocols[0].udp.destinationPort.number',
    'between 1 and 65535',
  ],
  [
    'a CNP port range ending before it starts',
    cnpIngress(
      `{action: Deny, ${fromAll}, protocols: [{sctp: {destinationPort: {range: {start: 9000, end: 8000}}}}]}`,
    ),
    'ClusterNetworkPolicy/c',
    'spec.ingress[0].protocols[0].sctp.destinationPort.range',
    'must be less than end port',
  ],
];

const otherRows: Row[] = [
  [
    'an object without metadata.name',
    'apiVersion: v1\nkind: Service\nmetadata: {namespace: n}\n',
    'Service',
    'metadata.name',
    'is required (document 0)',
  ],
  [
    'a pod with containerPort 0',
    pod('{containers: [{name: c, ports: [{containerPort: 0}]}]}'),
    'Pod/n/web',
    'spec.containers[0].ports[0].containerPort',
    'between 1 and 65535',
  ],
  [
    'a pod with an invalid port name',
    pod('{containers: [{name: c, ports: [{name: Http, containerPort: 80}]}]}'),
    'Pod/n/web',
    'spec.containers[0].ports[0].name',
    'invalid port name "Http"',
  ],
  [
    'a pod with an unknown port protocol',
    pod('{containers: [{name: c, ports: [{containerPort: 80, protocol: HTTP}]}]}'),
    'Pod/n/web',
    'spec.containers[0].ports[0].protocol',
    'unsupported protocol',
  ],
  [
    'a pod label that is a number',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: n, labels: {version: 2}}\n',
    'Pod/n/web',
    'metadata.labels.version',
    'must be a string, got 2 (quote it)',
  ],
  [
    'a pod with an invalid IP',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: n}\nstatus: {podIP: 10.0.0.999}\n',
    'Pod/n/web',
    'status.podIP',
    'invalid IP address',
  ],
  [
    'a Deployment template with a bad port',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: n}\nspec: {template: {spec: {containers: [{ports: [{containerPort: 99999}]}]}}}\n',
    'Deployment/n/d',
    'spec.template.spec.containers[0].ports[0].containerPort',
    'between 1 and 65535',
  ],
  [
    'a Service with an unknown protocol',
    'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n}\nspec: {ports: [{port: 80, protocol: HTTP}]}\n',
    'Service/n/s',
    'spec.ports[0].protocol',
    'unsupported protocol',
  ],
  [
    'a Service with an invalid targetPort name',
    'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n}\nspec: {ports: [{port: 80, targetPort: Web}]}\n',
    'Service/n/s',
    'spec.ports[0].targetPort',
    'invalid port name',
  ],
];

const svc = (spec: string, annotations = '{}'): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n, annotations: ${annotations}}\nspec: ${spec}\n`;
const ingress = (spec: string, annotations = '{}'): string =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, namespace: n, annotations: ${annotations}}\nspec: ${spec}\n`;
const gatewayApi = (kind: string, spec: string, version = 'v1'): string =>
  `apiVersion: gateway.networking.k8s.io/${version}\nkind: ${kind}\nmetadata: {name: g, namespace: n}\nspec: ${spec}\n`;
const gateway = (listener: string): string =>
  gatewayApi('Gateway', `{gatewayClassName: eg, listeners: [${listener}]}`);
const httpRoute = (spec: string): string => gatewayApi('HTTPRoute', spec);
const RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

const entryRows: Row[] = [
  [
    'a hostPort out of range',
    pod('{containers: [{ports: [{containerPort: 80, hostPort: 70000}]}]}'),
    'Pod/n/web',
    'spec.containers[0].ports[0].hostPort',
    'between 1 and 65535',
  ],
  [
    'a hostPort that is a string',
    pod('{containers: [{ports: [{containerPort: 80, hostPort: "80"}]}]}'),
    'Pod/n/web',
    'spec.containers[0].ports[0].hostPort',
    'must be a port number',
  ],
  [
    'a hostIP that is not a string',
    pod('{containers: [{ports: [{containerPort: 80, hostPort: 80, hostIP: 10}]}]}'),
    'Pod/n/web',
    'spec.containers[0].ports[0].hostIP',
    'must be a string',
  ],
  [
    'a hostPort other than containerPort on the node network',
    pod('{hostNetwork: true, containers: [{ports: [{containerPort: 80, hostPort: 8080}]}]}'),
    'Pod/n/web',
    'spec.containers[0].ports[0].hostPort',
    'must match `containerPort` when `hostNetwork` is true',
  ],
  [
    'the same in a pod template',
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d, namespace: n}\nspec: {template: {spec: {hostNetwork: true, containers: [{ports: [{containerPort: 80, hostPort: 81}]}]}}}\n',
    'DaemonSet/n/d',
    'spec.template.spec.containers[0].ports[0].hostPort',
    'must match `containerPort`',
  ],
  [
    'a Ready condition with an unknown status',
    'kind: Pod\nmetadata: {name: web, namespace: n}\nstatus: {conditions: [{type: Ready, status: "Yes"}]}\n',
    'Pod/n/web',
    'status.conditions[0].status',
    'unsupported status "Yes"',
  ],
  [
    'a Ready condition without status',
    'kind: Pod\nmetadata: {name: web, namespace: n}\nstatus: {conditions: [{type: Ready}]}\n',
    'Pod/n/web',
    'status.conditions[0].status',
    'is required',
  ],
  [
    'conditions that are not a list',
    'kind: Pod\nmetadata: {name: web, namespace: n}\nstatus: {conditions: Ready}\n',
    'Pod/n/web',
    'status.conditions',
    'must be a list',
  ],
  [
    'an unknown externalTrafficPolicy',
    svc('{type: LoadBalancer, externalTrafficPolicy: local}'),
    'Service/n/s',
    'spec.externalTrafficPolicy',
    'must be Cluster or Local',
  ],
  [
    'a source range that is not a CIDR',
    svc('{type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/33]}'),
    'Service/n/s',
    'spec.loadBalancerSourceRanges[0]',
    'invalid CIDR "10.0.0.0/33"',
  ],
  [
    'source ranges that are not a list',
    svc('{type: LoadBalancer, loadBalancerSourceRanges: 10.0.0.0/8}'),
    'Service/n/s',
    'spec.loadBalancerSourceRanges',
    'must be a list',
  ],
  [
    'a bad CIDR in the source-ranges annotation',
    svc('{type: LoadBalancer}', `{${RANGES_ANNOTATION}: "10.0.0.0/8,nowhere"}`),
    'Service/n/s',
    `metadata.annotations.${RANGES_ANNOTATION}`,
    'invalid CIDR "nowhere"',
  ],
  [
    'a loadBalancerClass that is not a string',
    svc('{type: LoadBalancer, loadBalancerClass: 7}'),
    'Service/n/s',
    'spec.loadBalancerClass',
    'must be a string',
  ],
  [
    'an annotation that is not a string',
    svc('{type: LoadBalancer}', '{service.beta.kubernetes.io/aws-load-balancer-internal: true}'),
    'Service/n/s',
    'metadata.annotations.service.beta.kubernetes.io/aws-load-balancer-internal',
    'must be a string, got true',
  ],
  [
    'an Ingress TLS hosts value that is not a list',
    ingress('{tls: [{hosts: shop.example.com}]}'),
    'Ingress/n/i',
    'spec.tls[0].hosts',
    'must be a list',
  ],
  [
    'an Ingress rule host that is not a string',
    ingress(
      '{rules: [{host: 7, http: {paths: [{path: /, backend: {service: {name: web, port: {number: 80}}}}]}}]}',
    ),
    'Ingress/n/i',
    'spec.rules[0].host',
    'must be a string',
  ],
  [
    'an Ingress path that is not a string',
    ingress(
      '{rules: [{http: {paths: [{path: [/], backend: {service: {name: web, port: {number: 80}}}}]}}]}',
    ),
    'Ingress/n/i',
    'spec.rules[0].http.paths[0].path',
    'must be a string',
  ],
  [
    'an Ingress class annotation that is not a string',
    ingress('{}', '{kubernetes.io/ingress.class: 1}'),
    'Ingress/n/i',
    'metadata.annotations.kubernetes.io/ingress.class',
    'must be a string',
  ],
  [
    'an IngressClass without controller',
    'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c}\nspec: {}\n',
    'IngressClass/c',
    'spec.controller',
    'is required',
  ],
  [
    'an IngressClass with an empty controller',
    'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c}\nspec: {controller: ""}\n',
    'IngressClass/c',
    'spec.controller',
    'is required',
  ],
  [
    'an IngressClass controller that is not a string',
    'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c}\nspec: {controller: [a]}\n',
    'IngressClass/c',
    'spec.controller',
    'must be a string',
  ],
  [
    'an IngressClass creationTimestamp that is not a string',
    'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c, creationTimestamp: 5}\nspec: {controller: x}\n',
    'IngressClass/c',
    'metadata.creationTimestamp',
    'must be a string',
  ],
  [
    'a GatewayClass without controllerName',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: c}\nspec: {}\n',
    'GatewayClass/c',
    'spec.controllerName',
    'is required',
  ],
  [
    'a Gateway without gatewayClassName',
    gatewayApi('Gateway', '{listeners: [{name: http, port: 80, protocol: HTTP}]}'),
    'Gateway/n/g',
    'spec.gatewayClassName',
    'is required',
  ],
  [
    'a listener without name',
    gateway('{port: 80, protocol: HTTP}'),
    'Gateway/n/g',
    'spec.listeners[0].name',
    'is required',
  ],
  [
    'a listener port out of range',
    gateway('{name: http, port: 0, protocol: HTTP}'),
    'Gateway/n/g',
    'spec.listeners[0].port',
    'between 1 and 65535',
  ],
  [
    'a listener without protocol',
    gateway('{name: http, port: 80}'),
    'Gateway/n/g',
    'spec.listeners[0].protocol',
    'is required',
  ],
  [
    'a listener that is null',
    gateway('null'),
    'Gateway/n/g',
    'spec.listeners[0]',
    'must be an object, got null',
  ],
  [
    'an unknown TLS mode',
    gateway('{name: tls, port: 443, protocol: TLS, tls: {mode: Reencrypt}}'),
    'Gateway/n/g',
    'spec.listeners[0].tls.mode',
    'unsupported value "Reencrypt": must be one of Terminate, Passthrough',
  ],
  [
    'an unknown allowedRoutes from',
    gateway('{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Any}}}'),
    'Gateway/n/g',
    'spec.listeners[0].allowedRoutes.namespaces.from',
    'must be one of Same, All, Selector',
  ],
  [
    'an invalid allowedRoutes selector',
    gateway(
      '{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchExpressions: [{key: a, operator: Near}]}}}}',
    ),
    'Gateway/n/g',
    'spec.listeners[0].allowedRoutes.namespaces.selector.matchExpressions[0].operator',
    'not a valid selector operator',
  ],
  [
    'an allowed route kind without kind',
    gateway('{name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{group: x}]}}'),
    'Gateway/n/g',
    'spec.listeners[0].allowedRoutes.kinds[0].kind',
    'is required',
  ],
  [
    'status addresses that are not a list',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: n}\nspec: {gatewayClassName: eg}\nstatus: {addresses: 10.0.0.1}\n',
    'Gateway/n/g',
    'status.addresses',
    'must be a list',
  ],
  [
    'a parentRef without name',
    httpRoute('{parentRefs: [{namespace: infra}]}'),
    'HTTPRoute/n/g',
    'spec.parentRefs[0].name',
    'is required',
  ],
  [
    'a parentRef port out of range',
    httpRoute('{parentRefs: [{name: gw, port: 0}]}'),
    'HTTPRoute/n/g',
    'spec.parentRefs[0].port',
    'between 1 and 65535',
  ],
  [
    'a parentRef with an empty kind',
    httpRoute('{parentRefs: [{name: gw, kind: ""}]}'),
    'HTTPRoute/n/g',
    'spec.parentRefs[0].kind',
    'is required',
  ],
  [
    'a backendRef without name',
    httpRoute('{rules: [{backendRefs: [{port: 80}]}]}'),
    'HTTPRoute/n/g',
    'spec.rules[0].backendRefs[0].name',
    'is required',
  ],
  [
    'a negative backendRef weight',
    httpRoute('{rules: [{backendRefs: [{name: a, port: 80, weight: -1}]}]}'),
    'HTTPRoute/n/g',
    'spec.rules[0].backendRefs[0].weight',
    'invalid weight -1: must be between 0 and 1000000',
  ],
  [
    'a backendRef weight that is not a number',
    httpRoute('{rules: [{backendRefs: [{name: a, port: 80, weight: high}]}]}'),
    'HTTPRoute/n/g',
    'spec.rules[0].backendRefs[0].weight',
    'must be an integer',
  ],
  [
    'hostnames that are not a list',
    httpRoute('{hostnames: a.example.com}'),
    'HTTPRoute/n/g',
    'spec.hostnames',
    'must be a list',
  ],
  [
    'a TCPRoute backend port out of range',
    gatewayApi('TCPRoute', '{rules: [{backendRefs: [{name: a, port: 70000}]}]}', 'v1alpha2'),
    'TCPRoute/n/g',
    'spec.rules[0].backendRefs[0].port',
    'between 1 and 65535',
  ],
  [
    'UDPRoute rules that are not a list',
    gatewayApi('UDPRoute', '{rules: {backendRefs: []}}', 'v1alpha2'),
    'UDPRoute/n/g',
    'spec.rules',
    'must be a list',
  ],
  [
    'a ReferenceGrant from without group',
    gatewayApi(
      'ReferenceGrant',
      '{from: [{kind: HTTPRoute, namespace: a}], to: [{group: "", kind: Service}]}',
      'v1beta1',
    ),
    'ReferenceGrant/n/g',
    'spec.from[0].group',
    'is required',
  ],
  [
    'a ReferenceGrant from without namespace',
    gatewayApi(
      'ReferenceGrant',
      '{from: [{group: "", kind: Pod}], to: [{group: "", kind: Service}]}',
      'v1beta1',
    ),
    'ReferenceGrant/n/g',
    'spec.from[0].namespace',
    'is required',
  ],
  [
    'a ReferenceGrant to without kind',
    gatewayApi(
      'ReferenceGrant',
      '{from: [{group: "", kind: Pod, namespace: a}], to: [{group: ""}]}',
      'v1beta1',
    ),
    'ReferenceGrant/n/g',
    'spec.to[0].kind',
    'is required',
  ],
  [
    'a ReferenceGrant to name that is not a string',
    gatewayApi(
      'ReferenceGrant',
      '{from: [{group: "", kind: Pod, namespace: a}], to: [{group: "", kind: Service, name: 5}]}',
      'v1beta1',
    ),
    'ReferenceGrant/n/g',
    'spec.to[0].name',
    'must be a string',
  ],
];

function modelSize(model: ClusterModel): number {
  return (
    model.networkPolicies.length +
    model.adminPolicies.length +
    model.pods.length +
    model.services.length +
    model.workloads.length +
    model.ingresses.length +
    model.ingressClasses.length +
    model.gatewayClasses.length +
    model.gateways.length +
    model.gatewayRoutes.length +
    model.referenceGrants.length
  );
}

describe.each([
  ['NetworkPolicy', networkPolicyRows],
  ['admin policies', adminPolicyRows],
  ['other kinds', otherRows],
  ['entry points', entryRows],
])('validation of %s', (_group, rows) => {
  it.each(rows)(
    'reports %s and leaves the object out',
    (_description, manifest, object, field, message) => {
      const { problems, model } = readYaml(manifest);
      expect(problems).toContainEqual({
        file: FILE,
        object,
        field,
        message: expect.stringContaining(message),
      });
      expect(modelSize(model)).toBe(0);
    },
  );
});

describe('validation', () => {
  it('keeps reading the other objects of the input', () => {
    const { problems, model } = readYaml(
      `${np('{ingress: [{from: [{ipBlock: {cidr: nonsense}}]}]}')}---\n` +
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: good, namespace: n}\nspec: {podSelector: {}}\n',
    );
    expect(problems).toHaveLength(1);
    expect(model.networkPolicies.map((p) => p.name)).toEqual(['good']);
  });

  it('lists every mistake of an object, not only the first', () => {
    const { problems } = readYaml(
      np('{ingress: [{ports: [{port: 0}, {protocol: ICMP}]}], policyTypes: [Sideways]}'),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'spec.ingress[0].ports[0].port',
      'spec.ingress[0].ports[1].protocol',
      'spec.policyTypes[0]',
    ]);
  });

  it('does not throw on objects of the wrong shape', () => {
    const { problems } = readYaml(np('[1, 2, 3]'));
    expect(problems).toEqual([
      {
        file: FILE,
        object: 'NetworkPolicy/n/p',
        field: 'spec',
        message: 'must be an object, got a list',
      },
    ]);
  });

  it('accepts what the API server accepts: host bits in a cidr, IPv6, an except inside', () => {
    const { problems, model } = readYaml(
      np(
        '{egress: [{to: [{ipBlock: {cidr: 10.0.0.7/24, except: [10.0.0.7/32]}}, {ipBlock: {cidr: "2001:DB8::/32", except: ["2001:db8:1::/48"]}}]}]}',
      ),
    );
    expect(problems).toEqual([]);
    expect(model.networkPolicies[0]?.egress[0]?.peers).toEqual([
      { ipBlock: { cidr: '10.0.0.7/24', except: ['10.0.0.7/32'] } },
      { ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } },
    ]);
  });
});
