import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './permissive-cors.js';

test('flask/permissive-cors: credentials with the default or an explicit wildcard origin', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'from flask import Flask',
        'from flask_cors import CORS',
        'app = Flask(__name__)',
        'CORS(app, supports_credentials=True)',
        'CORS(app, origins="*", supports_credentials=True)',
        "CORS(app, resources={r'/api/*': {'origins': '*'}, r'/ok/*': {'origins': ['https://a.example']}}, supports_credentials=True)",
      ),
    },
    ['app.py:4', 'app.py:5', 'app.py:6'],
  );
});

test('flask/permissive-cors: listed origins, or a wildcard without credentials, are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import os',
        'from flask import Flask',
        'from flask_cors import CORS',
        'app = Flask(__name__)',
        'CORS(app)',
        "CORS(app, origins=['https://app.example.com'], supports_credentials=True)",
        "CORS(app, origins=os.environ['CORS_ORIGINS'].split(','), supports_credentials=True)",
      ),
    },
    [],
  );
});
