import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './unsafe-upload-filename.js';

test('flask/unsafe-upload-filename: file.filename straight into save(), directly or through a variable', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import os',
        'from flask import Flask, request',
        'app = Flask(__name__)',
        "@app.route('/a', methods=['POST'])",
        'def a():',
        "    f = request.files['file']",
        "    f.save(os.path.join('/tmp/uploads', f.filename))",
        "@app.route('/b', methods=['POST'])",
        'def b():',
        "    f = request.files['file']",
        '    name = f.filename',
        '    path = os.path.join(app.config["UPLOAD_FOLDER"], name)',
        '    f.save(path)',
      ),
    },
    ['app.py:7', 'app.py:13'],
  );
});

test('flask/unsafe-upload-filename: secure_filename (seed 003) and generated names are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import os, uuid',
        'from flask import Flask, request',
        'from werkzeug.utils import secure_filename',
        'app = Flask(__name__)',
        "@app.route('/a', methods=['POST'])",
        'def a():',
        "    uploaded_file = request.files.get('file')",
        '    filename = secure_filename(uploaded_file.filename)',
        "    file_path = os.path.join(app.config['UPLOAD_FOLDER'], filename)",
        '    uploaded_file.save(file_path)',
        "    other = request.files['other']",
        "    other.save(os.path.join('/tmp', uuid.uuid4().hex + os.path.splitext(other.filename)[1]))",
      ),
    },
    [],
  );
});
