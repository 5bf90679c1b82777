import { render } from 'preact';
import { OptionsApp } from './App';
import '../../components/styles.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
