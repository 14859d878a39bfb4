import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toSourceFiles } from '../commands/scan.js';
import { projectRoots } from './projects.js';
import { projectOf } from '../facts/projects.js';

test('projects: the outermost directory owning a deployment is a project; nested build contexts belong to it', () => {
  const files = toSourceFiles(
    [
      'README.md',
      'flask/compose.yaml',
      'flask/app/Dockerfile',
      'flask/app/app.py',
      'react/compose.yaml',
      'react/backend/Dockerfile',
      'react/backend/package.json',
      'react/frontend/Dockerfile',
      'plex/compose.yaml',
      'tools/lint.py',
      'examples/demo/compose.yaml',
      '.github/workflows/ci.yml',
      'compose.example.yml',
    ].map((path) => ({ path, content: path.endsWith('compose.yaml') || path.endsWith('.yml') ? 'services: {}\n' : '' })),
  );
  const roots = projectRoots(files);
  assert.deepEqual(roots.map((r) => `${r.root || '.'}: ${r.markers.join(' ')}`), [
    '.: ',
    'flask: flask/app/Dockerfile flask/compose.yaml',
    'plex: plex/compose.yaml',
    'react: react/backend/Dockerfile react/compose.yaml react/frontend/Dockerfile',
  ]);
  assert.equal(projectOf(roots, 'react/backend/src/config.js'), 'react');
  assert.equal(projectOf(roots, 'flask/app/app.py'), 'flask');
  assert.equal(projectOf(roots, 'tools/lint.py'), '');
  // A repository with a deployment at its top is one project, whatever lies below.
  const single = projectRoots(toSourceFiles(['Dockerfile', 'compose/production/django/Dockerfile', 'app/settings.py'].map((path) => ({ path, content: '' }))));
  assert.deepEqual(single.map((r) => r.root), ['']);
});
