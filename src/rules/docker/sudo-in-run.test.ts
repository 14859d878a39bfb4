import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './sudo-in-run.js';

test('docker/sudo-in-run: sudo as a command of a RUN is reported at the exact line', async () => {
  await expectLines(
    rule,
    { Dockerfile: text('FROM ubuntu:24.04', 'USER app', 'RUN sudo apt-get update && \\', '    DEBIAN_FRONTEND=noninteractive sudo apt-get install -y curl', 'RUN echo ok | sudo tee /etc/motd') },
    ['Dockerfile:3', 'Dockerfile:4', 'Dockerfile:5'],
  );
});

test('docker/sudo-in-run: USER root blocks and the word sudo in arguments are fine', async () => {
  await expectLines(rule, { Dockerfile: text('FROM ubuntu:24.04', 'USER root', 'RUN apt-get update && apt-get install -y curl', 'RUN echo "no sudo here" && grep sudo /etc/group || true', 'USER app') }, []);
});

test('docker/sudo-in-run: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM ubuntu:24.04', 'RUN sudo true') }, []);
});
