import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './ecs-single-task.js';

const SVC = text(
  'resource "aws_ecs_cluster" "c" {',
  '  name = "app"',
  '}',
  'resource "aws_ecs_service" "web" {',
  '  name          = "web"',
  '  desired_count = 1',
  '}',
  'resource "aws_ecs_service" "worker" {',
  '  name          = "worker"',
  '  desired_count = 1',
  '}',
  'resource "aws_ecs_service" "agent" {',
  '  name                = "agent"',
  '  desired_count       = 1',
  '  scheduling_strategy = "DAEMON"',
  '}',
);

test('tf-aws/ecs-single-task: desired_count = 1 without an autoscaling target for the service', async () => {
  await expectLines(rule, { 'ecs.tf': SVC }, ['ecs.tf:6', 'ecs.tf:10']);
  const scaling = text(
    'resource "aws_appautoscaling_target" "web" {',
    '  resource_id        = "service/${aws_ecs_cluster.c.name}/${aws_ecs_service.web.name}"',
    '  scalable_dimension = "ecs:service:DesiredCount"',
    '  service_namespace  = "ecs"',
    '}',
    'resource "aws_appautoscaling_target" "literal" {',
    '  resource_id        = "service/app/worker"',
    '  scalable_dimension = "ecs:service:DesiredCount"',
    '}',
  );
  await expectLines(rule, { 'ecs.tf': SVC, 'scaling.tf': scaling }, []);
});

test('tf-aws/ecs-single-task: an untraceable autoscaling target, two tasks, and non-production are silent', async () => {
  await expectLines(rule, { 'ecs.tf': SVC, 'scaling.tf': text('resource "aws_appautoscaling_target" "x" {', '  resource_id = var.id', '}', 'variable "id" {}') }, []);
  await expectLines(rule, { 'ecs.tf': text('resource "aws_ecs_service" "web" {', '  desired_count = 2', '}') }, []);
  await expectLines(rule, { 'ecs.tf': SVC }, [], { environment: 'staging' });
});
