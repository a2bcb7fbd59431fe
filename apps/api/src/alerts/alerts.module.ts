import { Global, Module } from '@nestjs/common';
import { SNAPSHOT_HOOK } from '../snapshots/snapshots.repository';
import { AlertEvaluator } from './alert-evaluator';
import { AlertIntake } from './alert-intake';
import { AlertsController } from './alerts.controller';
import { AlertsJob } from './alerts.job';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { ChannelResolver } from './channels/channel-resolver';
import { ChannelSender } from './channels/channel-sender';
import { ChannelsController } from './channels/channels.controller';
import { ChannelsRepository } from './channels/channels.repository';
import { ChannelsService } from './channels/channels.service';
import { SecretsModule } from '../secrets/secrets.module';
import { AlertmanagerRefreshJob } from './deliveries/alertmanager-refresh.job';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryJob } from './deliveries/delivery.job';
import { DeliveryWorker } from './deliveries/delivery.worker';
import { ExceptionsController } from './exceptions/exceptions.controller';
import { ExceptionsRepository } from './exceptions/exceptions.repository';
import { ExceptionsService } from './exceptions/exceptions.service';
import { RulesController } from './rules/rules.controller';
import { RulesRepository } from './rules/rules.repository';
import { RulesService } from './rules/rules.service';

/**
 * Alerting: rules, channels, alerts with a grace period, the delivery outbox, exceptions.
 * Global only to hand the snapshot writer its hook (SNAPSHOT_HOOK) without a module cycle (and
 * the delivery worker to the metrics).
 */
@Global()
@Module({
  imports: [SecretsModule],
  controllers: [RulesController, ChannelsController, AlertsController, DeliveriesController, ExceptionsController],
  providers: [
    AlertsRepository,
    AlertsService,
    AlertIntake,
    { provide: SNAPSHOT_HOOK, useExisting: AlertIntake },
    AlertEvaluator,
    AlertsJob,
    RulesRepository,
    RulesService,
    ChannelsRepository,
    ChannelsService,
    ChannelResolver,
    ChannelSender,
    DeliveriesRepository,
    DeliveriesService,
    DeliveryWorker,
    DeliveryJob,
    AlertmanagerRefreshJob,
    ExceptionsRepository,
    ExceptionsService,
  ],
  exports: [SNAPSHOT_HOOK, DeliveryWorker],
})
export class AlertsModule {}
