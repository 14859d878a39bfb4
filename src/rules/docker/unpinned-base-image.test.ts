import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './unpinned-base-image.js';

test('docker/unpinned-base-image: latest, no tag and moving tags are reported at the image, in every stage', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM node:latest AS build', 'RUN npm ci', 'FROM nginx', 'COPY --from=build /app/dist /usr/share/nginx/html'),
      'a/Dockerfile': text('ARG BASE=python', 'FROM ${BASE}'),
      'b/Dockerfile': text('FROM --platform=linux/amd64 ghcr.io/acme/base:edge'),
    },
    ['Dockerfile:1', 'Dockerfile:3', 'a/Dockerfile:2', 'b/Dockerfile:1'],
  );
});

test('docker/unpinned-base-image: versions, digests, scratch, stage references and unknown build args are fine', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM golang:1.22-alpine AS build', 'RUN go build -o /app', 'FROM scratch', 'COPY --from=build /app /app'),
      'a/Dockerfile': text('FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
      'b/Dockerfile': text('FROM node:20 AS base', 'FROM base AS final'),
      'c/Dockerfile': text('ARG TAG', 'FROM python:${TAG}'),
      'd/Dockerfile': text('ARG PY=3.12', 'FROM python:${PY}-slim'),
      'e/Dockerfile': text('FROM localhost:5000/app:1.2.3'),
    },
    [],
  );
});

test('docker/unpinned-base-image: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM node') }, []);
});
